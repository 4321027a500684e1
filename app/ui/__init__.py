"""Windows, pages, dialogs, widgets and table models.

Widgets call services and react to worker signals; they never touch the database, the keyring,
cv2 or dlib.
"""
