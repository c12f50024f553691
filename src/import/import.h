/* The import module: outside files (xlsx, CSV, JSON) to rows, through
 * src/core only. */
#ifndef PT_IMPORT_H
#define PT_IMPORT_H

#endif
