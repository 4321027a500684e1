"""Import every FaceDesk module and run the self-test with a socket audit hook; report network use.

    python -m tests.helpers.import_watch [--probe]

Local inter-process sockets (AF_UNIX, used by the encoder process's pipe) are allowed; any
Internet socket, name lookup or connection is printed as "NETWORK ...". Exit 0 either way: the
test reads the report.
"""

import importlib
import pkgutil
import socket
import sys

EVENTS = {"socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind",
          "socket.sendto", "socket.gethostbyaddr", "urllib.Request"}  # fmt: skip
seen: list[str] = []


def watch(event: str, args: tuple) -> None:
    if event not in EVENTS:
        return
    if event == "socket.__new__" and len(args) > 1 and args[1] == socket.AF_UNIX:
        return
    if event in ("socket.connect", "socket.bind") and args and getattr(args[0], "family", None) == socket.AF_UNIX:
        return
    seen.append(f"{event} {args[1:] if event == 'socket.__new__' else args[1:2]}")


def main() -> int:
    sys.addaudithook(watch)
    import app

    modules = [m.name for m in pkgutil.walk_packages(app.__path__, "app.") if "benchmarks" not in m.name]
    for name in modules:
        importlib.import_module(name)
    from app.self_test import run_self_test

    run_self_test(lambda line: None)
    if len(sys.argv) > 1 and sys.argv[1] == "--probe":  # shows the watch sees an Internet socket
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    for line in seen:
        print("NETWORK", line)
    print(f"imported {len(modules)} modules and ran the self-test; {len(seen)} network events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
