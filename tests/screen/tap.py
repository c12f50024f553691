"""TAP output for the screen tests (and, through ptlib.Env.case, the
reliability tests), so that automake's TAP driver counts each case as a
result of its own (`make check` lists every one).

    @check("what a person sees")
    def _(): ...
    sys.exit(finish())
"""
import sys
import traceback

_count = 0
_failed = 0


def describe(name):
    # '#' would start a TAP directive; the driver takes '\#' as a literal.
    return name.replace("\\", "\\\\").replace("#", "\\#").replace("\n", " ")


def check(name):
    def deco(fn):
        global _count, _failed
        _count += 1
        try:
            fn()
            print("ok %d - %s" % (_count, describe(name)))
        except Exception:
            _failed += 1
            print("not ok %d - %s" % (_count, describe(name)))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        sys.stdout.flush()
        return fn
    return deco


def skip_all(reason):
    print("1..0 # SKIP " + reason)
    sys.exit(0)


def finish():
    print("1..%d" % _count)
    print("# %d passed, %d failed" % (_count - _failed, _failed))
    return 1 if _failed else 0
