# A real sshd on 127.0.0.1 for the end-to-end tests: throwaway host and
# user keys in a temporary directory, a free high port, root (or the
# current user) let in by that key only, and everything it started
# cleaned up on exit, failure included. Sourced after tests/lib.sh.

SSHD=${SSHD:-/usr/sbin/sshd}
S="$T/ssh"
TMUX_SOCK="pt-ssh-$$"
SSHD_PID=

# Skips the test loudly (exit 77) when sshd cannot be had here.
ssh_require() {
	for tool in "$SSHD" ssh ssh-keygen tmux python3; do
		if ! command -v "$tool" >/dev/null 2>&1; then
			echo "SKIP: $tool is not installed (apt-get install openssh-server openssh-client tmux python3; see scripts/install-deps.sh)" >&2
			echo "SKIP: the end-to-end SSH test did not run" >&2
			exit 77
		fi
	done
}

ssh_cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	if [ -n "$SSHD_PID" ]; then
		kill "$SSHD_PID" 2>/dev/null
		# Sessions sshd forked die with their connections; wait a little.
		i=0
		while kill -0 "$SSHD_PID" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		kill -9 "$SSHD_PID" 2>/dev/null
	fi
	# Programs the sessions ran, found by the unique database path.
	for pid in $(pgrep -f -- "$T/" 2>/dev/null); do
		[ "$pid" != "$$" ] && kill -9 "$pid" 2>/dev/null
	done
	rm -rf "$T"
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for DEADLINE_S DESCRIPTION CMD... : polls CMD until it succeeds.
wait_for() {
	limit=$(( $1 * 10 )); what=$2; shift 2
	i=0
	while ! "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -ge $limit ]; then
			fail "timed out waiting for $what"
			return 1
		fi
		sleep 0.1
	done
	return 0
}

ssh_start() {
	mkdir -p "$S"
	chmod 700 "$S"
	SSH_USER=$(id -un)
	ssh-keygen -q -t ed25519 -N '' -f "$S/host_key" || return 1
	ssh-keygen -q -t ed25519 -N '' -f "$S/user_key" || return 1
	cp "$S/user_key.pub" "$S/authorized_keys"
	PORT=$(free_port)
	cat > "$S/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowUsers $SSH_USER
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
PrintLastLog no
LogLevel ERROR
EOF
	# The privilege separation directory sshd insists on.
	[ -d /run/sshd ] || mkdir -p /run/sshd 2>/dev/null
	"$SSHD" -D -e -f "$S/sshd_config" 2>"$S/sshd.log" &
	SSHD_PID=$!
	wait_for 10 "sshd to accept a login" ssh_run true || {
		echo "sshd log:" >&2; cat "$S/sshd.log" >&2
		return 1
	}
}

# The ssh command line, for tmux panes or direct use.
ssh_cmdline() {
	echo "ssh -p $PORT -i $S/user_key -o StrictHostKeyChecking=no" \
	    "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" \
	    "-o ConnectTimeout=5 -o BatchMode=yes -o ServerAliveInterval=1" \
	    "-o ServerAliveCountMax=3 $SSH_USER@127.0.0.1"
}

ssh_run() {
	# shellcheck disable=SC2046
	$(ssh_cmdline) "$@" </dev/null
}

# tmux over one private server: sessions are named by the caller.
tm() {
	tmux -L "$TMUX_SOCK" -f /dev/null "$@"
}

# Screen text of a session.
screen() {
	tm capture-pane -p -t "$1"
}

screen_has() {
	screen "$1" | grep -qF -- "$2"
}

# wait_screen SESSION TEXT [DEADLINE_S]
wait_screen() {
	if ! wait_for "${3:-10}" "'$2' on screen $1" screen_has "$1" "$2"; then
		echo "--- screen $1:" >&2
		screen "$1" >&2
		return 1
	fi
}
