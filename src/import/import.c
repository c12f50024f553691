#include "config.h"

#include "import/import.h"

/* Readers arrive with the import issue. */
int import_placeholder(void);
int
import_placeholder(void)
{
	return 0;
}
