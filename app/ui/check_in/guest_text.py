"""Every text on the guest-facing screens, declared once for lupdate (context "GuestScreen").

Wording rules (R9): both ways are presented as equals; nothing says "recommended", "required",
"faster" or "easier"; declining is always one tap and never asked again during the stay.
"""

from app.domain.translatable import QT_TRANSLATE_NOOP

CHOOSE_TITLE = QT_TRANSLATE_NOOP("GuestScreen", "How should we confirm it is you during your stay?")
CHOOSE_SUBTITLE = QT_TRANSLATE_NOOP(
    "GuestScreen", "Both ways give you the same service. You can change your mind at any time."
)
FACE_CHOICE = QT_TRANSLATE_NOOP("GuestScreen", "Verify with my face")
FACE_CHOICE_DETAIL = QT_TRANSLATE_NOOP(
    "GuestScreen", "This computer keeps a face template, not a photo, until you check out."
)
MANUAL_CHOICE = QT_TRANSLATE_NOOP("GuestScreen", "Check my ID document instead")
MANUAL_CHOICE_DETAIL = QT_TRANSLATE_NOOP("GuestScreen", "Staff look at your ID document whenever it is needed.")

NOTICE_TITLE = QT_TRANSLATE_NOOP("GuestScreen", "Before you decide: how your face data is used")
CONSENT_BOX = QT_TRANSLATE_NOOP("GuestScreen", "I agree to face verification as described above.")
TYPE_NAME = QT_TRANSLATE_NOOP("GuestScreen", "Type your full name to confirm:")
SIGN_INSTEAD = QT_TRANSLATE_NOOP("GuestScreen", "Sign instead")
TYPE_INSTEAD = QT_TRANSLATE_NOOP("GuestScreen", "Type my name instead")
CLEAR_SIGNATURE = QT_TRANSLATE_NOOP("GuestScreen", "Clear")
AGREE = QT_TRANSLATE_NOOP("GuestScreen", "Agree and continue")
DECLINE = QT_TRANSLATE_NOOP("GuestScreen", "No thanks, check my ID document")

CAPTURE_TITLE = QT_TRANSLATE_NOOP("GuestScreen", "Please look at the camera")
CAPTURE_HOLD = QT_TRANSLATE_NOOP("GuestScreen", "Hold still, that looks good.")
CAPTURE_SAVING = QT_TRANSLATE_NOOP("GuestScreen", "Thank you, saving...")
CAMERA_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "GuestScreen", "The camera is not available. You can use your ID document instead."
)
CAMERA_LOST = QT_TRANSLATE_NOOP(
    "GuestScreen", "The camera stopped. Reconnecting... You can use your ID document instead."
)
STOP_AND_USE_ID = QT_TRANSLATE_NOOP("GuestScreen", "Stop, check my ID document instead")

STAFF_DECLINE = QT_TRANSLATE_NOOP("GuestScreen", "No thanks, I will use my PIN")
STAFF_STOP = QT_TRANSLATE_NOOP("GuestScreen", "Stop, I will use my PIN instead")

RECEIPT_TITLE = QT_TRANSLATE_NOOP("GuestScreen", "All done. Here is your receipt.")
WITHDRAWAL_CODE = QT_TRANSLATE_NOOP("GuestScreen", "Your withdrawal code")
PRINT = QT_TRANSLATE_NOOP("GuestScreen", "Print receipt")
PRINT_NOTICE = QT_TRANSLATE_NOOP("GuestScreen", "Print the notice")
SAVE_NOTICE = QT_TRANSLATE_NOOP("GuestScreen", "Save the notice as PDF")
SAVE_PDF = QT_TRANSLATE_NOOP("GuestScreen", "Save as PDF")
DONE = QT_TRANSLATE_NOOP("GuestScreen", "Done")

LANGUAGE_ZH = "中文"
LANGUAGE_EN = "English"

GUARDIAN_TITLE = QT_TRANSLATE_NOOP("GuestScreen", "A parent or guardian decides for %1")
GUARDIAN_SUBTITLE = QT_TRANSLATE_NOOP(
    "GuestScreen",
    "Children under 14 can use face verification only if a parent or guardian who is here agrees. "
    "The parent or guardian reads the notice next and confirms with their own name.",
)
GUARDIAN_WHO = QT_TRANSLATE_NOOP("GuestScreen", "Who gives consent?")
GUARDIAN_CHOOSE = QT_TRANSLATE_NOOP("GuestScreen", "Choose who gives consent for the child.")
GUARDIAN_OTHER = QT_TRANSLATE_NOOP("GuestScreen", "Another adult who is here")
GUARDIAN_NAME = QT_TRANSLATE_NOOP("GuestScreen", "Full name")
GUARDIAN_DOCUMENT = QT_TRANSLATE_NOOP("GuestScreen", "ID document")
GUARDIAN_NUMBER = QT_TRANSLATE_NOOP("GuestScreen", "Document number")
GUARDIAN_RELATION = QT_TRANSLATE_NOOP("GuestScreen", "Relation to the child")
RELATION_PARENT = QT_TRANSLATE_NOOP("GuestScreen", "Parent")
RELATION_GRANDPARENT = QT_TRANSLATE_NOOP("GuestScreen", "Grandparent")
RELATION_GUARDIAN = QT_TRANSLATE_NOOP("GuestScreen", "Legal guardian")
RELATION_OTHER = QT_TRANSLATE_NOOP("GuestScreen", "Other relative")
GUARDIAN_CONTINUE = QT_TRANSLATE_NOOP("GuestScreen", "Continue to the notice")
TYPE_GUARDIAN_NAME = QT_TRANSLATE_NOOP("GuestScreen", "Parent or guardian, type your full name to confirm:")
