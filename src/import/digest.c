#include "config.h"

#include "import/digest.h"

void
digest_init(struct digest *d)
{
	sha256_init(&d->sha);
}

void
digest_update(struct digest *d, const void *data, size_t n)
{
	sha256_update(&d->sha, n, data);
}

void
digest_hex(struct digest *d, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char raw[SHA256_DIGEST_SIZE];

	sha256_digest(&d->sha, sizeof raw, raw);
	for (size_t i = 0; i < sizeof raw; i++) {
		hex[2 * i] = digits[raw[i] >> 4];
		hex[2 * i + 1] = digits[raw[i] & 15];
	}
	hex[2 * sizeof raw] = '\0';
}
