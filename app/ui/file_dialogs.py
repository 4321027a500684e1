"""Save dialogs that look like the rest of the desk: FaceDesk's icons, readable columns, a sensible start.

Qt's own dialog is used rather than the system's: it speaks the desk's language, follows Large
text and High contrast, and opens without a nested event loop (``open()``, never ``exec()``). It
starts in the user's Documents folder, never in the folder the program was started from.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QHeaderView, QToolButton, QTreeView, QWidget

from app.config.paths import documents_folder, resource_path

# The dialog's tool buttons (Qt's object names) and FaceDesk's icon for each; Qt's stock icons
# are blank or foreign under the desk's style.
_TOOL_ICONS = {
    "backButton": "back",
    "forwardButton": "forward",
    "toParentButton": "up",
    "newFolderButton": "new-folder",
    "listModeButton": "list-view",
    "detailModeButton": "detail-view",
}


def ask_where_to_save(
    parent: QWidget, title: str, suggested: str, name_filter: str | None = None, suffix: str = "pdf"
) -> QFileDialog:
    """An opened (non-blocking) save dialog; connect to its ``fileSelected``.

    Args:
        parent: the page asking.
        title: what is being saved, as the dialog's title.
        suggested: the file name offered.
        name_filter: e.g. "CSV files (*.csv)", translated by the caller; PDF files when not given.
        suffix: added when the user types a name without one.
    """
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setNameFilter(name_filter or QCoreApplication.translate("FileDialogs", "PDF files (*.pdf)"))
    dialog.setDefaultSuffix(suffix)
    dialog.setDirectory(str(documents_folder()))
    dialog.selectFile(suggested)
    dialog.resize(860, 540)
    dialog.open()  # Qt builds the dialog's own widgets when it is first shown
    for name, icon in _TOOL_ICONS.items():
        button = dialog.findChild(QToolButton, name)
        if button is not None:
            button.setIcon(QIcon(str(resource_path("icons", f"{icon}.svg"))))
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # the name column takes the room; size and date fit their text
        header = details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog
