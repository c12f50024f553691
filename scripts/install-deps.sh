#!/bin/sh
# Installs everything partner-tui needs to build and to run all its tests
# on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
	build-essential autoconf automake autopoint gettext libtool pkg-config \
	libncurses-dev libsqlite3-dev sqlite3 libzip-dev libexpat1-dev \
	libjson-c-dev libcsv-dev nettle-dev check libxlsxwriter-dev zip \
	tmux python3 python3-pyte openssh-server openssh-client \
	valgrind clang libclang-rt-14-dev mandoc man-db locales procps time >/dev/null
# The zh_CN translation is tested in a real zh_CN.UTF-8 locale (glibc
# ignores LANGUAGE under the C locale).
if [ -f /etc/locale.gen ] && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen
	locale-gen >/dev/null
fi
