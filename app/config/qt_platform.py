"""Can Qt open a window here? Checked before the first window, so a missing library is one clear line.

When Qt cannot load its platform plug-in it aborts the process (exit 134) and writes the reason
only to the log. Before the desk starts, the plug-in Qt will use is loaded the way Qt loads it
(``dlopen``): the first system library it cannot find is named, with the commands that install
all of Qt's runtime libraries at once, so nobody has to discover them one by one. A missing
display is said too. Elsewhere than Linux the system provides what Qt needs, and nothing is checked.
"""

import ctypes
import re
import sys
from collections.abc import Mapping
from pathlib import Path

# Qt's xcb platform plug-in and what it links against, per distribution (the same list as .ci/run)
DEBIAN_PACKAGES = (
    "libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxcb-cursor0 "
    "libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxcb-shape0 "
    "libxcb-randr0"
)
FEDORA_PACKAGES = (
    "mesa-libEGL mesa-libGL libxkbcommon-x11 fontconfig glib2 dbus-libs xcb-util-cursor xcb-util-wm "
    "xcb-util-image xcb-util-keysyms xcb-util-renderutil"
)
INSTALL_HINT = (
    f"install Qt's libraries with 'sudo apt install {DEBIAN_PACKAGES}' (Debian, Ubuntu) "
    f"or 'sudo dnf install {FEDORA_PACKAGES}' (Fedora)"
)
_LIBRARY = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")
HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay", "minimalegl")


def chosen_platform(environ: Mapping[str, str]) -> str:
    """The platform plug-in Qt will try first: ``QT_QPA_PLATFORM``, else Wayland in a Wayland session, else xcb."""
    requested = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def platform_problem(environ: Mapping[str, str], plugins: Path, *, display: bool = True) -> str | None:
    """One sentence saying why Qt could not open a window here, or None when it can.

    Args:
        environ: the environment the desk runs with.
        plugins: Qt's plug-in folder (``QLibraryInfo.path(PluginsPath)``).
        display: also require a display (the self-test, which may run on a server, does not).
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = chosen_platform(environ)
    plugin = plugins / "platforms" / f"libq{platform}.so"
    if not plugin.is_file():
        available = sorted(path.stem.removeprefix("libq") for path in (plugins / "platforms").glob("libq*.so"))
        return (
            f"FaceDesk cannot open its window: Qt has no platform plug-in '{platform}' (QT_QPA_PLATFORM); "
            f"available: {', '.join(available) or 'none'}."
        )
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        match = _LIBRARY.search(str(exc).removeprefix(str(plugin)))
        missing = match.group(1) if match else "a system library"
        return f"FaceDesk cannot open its window: {missing} is missing or unusable; {INSTALL_HINT}."
    if not display:
        return None
    if platform == "xcb" and not environ.get("DISPLAY"):
        return (
            "FaceDesk cannot open its window: there is no display (DISPLAY is not set). Start it from the "
            "desktop, or over SSH with 'ssh -X'."
        )
    if platform == "wayland" and not environ.get("WAYLAND_DISPLAY"):
        return "FaceDesk cannot open its window: there is no Wayland display (WAYLAND_DISPLAY is not set)."
    return None
