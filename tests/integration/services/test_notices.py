"""The notice shows every field the Measures and PIPL ask for, in Chinese and in English (R3)."""

import pytest

from app.domain.business import Purpose
from app.services.desk_services import DeskServices

# Each field of DESIGN.md section 3, with words that must appear for it in each language.
FIELDS = {
    "en": {
        "processor and contact": ["Lotus Inn", "+86 10 1234 5678", "not the maker of the software"],
        "specific purpose": ["Purpose"],
        "method": ["template", "128 numbers", "encrypted", "never sent over the internet", "nobody can view"],
        "retention": ["How long it is kept", "three years", "backups", "within 7 days"],
        "necessity": ["Why it is needed"],
        "impact on rights": ["sensitive personal information", "cannot be changed"],
        "rights and where": ["see, copy, correct or delete", "withdraw", "15 working days"],
        "optional, equal alternative": ["optional", "exactly the same"],
        "under-14 guardian consent": ["under 14", "guardian"],
    },
    "zh_CN": {
        "processor and contact": ["Lotus Inn", "+86 10 1234 5678", "而不是软件供应商"],
        "specific purpose": ["处理目的"],
        "method": ["特征模板", "128 个数字", "加密", "绝不通过互联网传输", "任何人都无法查看"],
        "retention": ["保存期限", "三年", "加密备份", "7 天内删除"],
        "necessity": ["处理的必要性"],
        "impact on rights": ["敏感个人信息", "不能像密码一样更改"],
        "rights and where": ["查阅、复制、更正、删除", "撤回同意", "15 个工作日"],
        "optional, equal alternative": ["完全自愿", "完全相同"],
        "under-14 guardian consent": ["不满十四周岁", "监护人"],
    },
}
PURPOSE_WORDS = {
    # the guest notice says what an ID card reader reads, and that the chip's photo is never read (R12)
    (Purpose.GUEST_VERIFICATION, "en"): [
        "room key",
        "manual ID check",
        "one to one",
        "check out",
        "card reader",
        "the photo stored in the card's chip is never read",
        "Notice version 2026.2",
        "2026-12-01",
    ],
    (Purpose.GUEST_VERIFICATION, "zh_CN"): [
        "领取房卡",
        "人工核验证件",
        "一对一",
        "退房",
        "身份证阅读器",
        "芯片中存储的照片绝不会被读取",
        "告知书版本 2026.2",
        "2026-12-01",
    ],
    (Purpose.STAFF_ENTRY, "en"): [
        "clock in",
        "PIN",
        "one to many",
        "employment ends",
        "never show",
        "Notice version 2026.1",
        "2026-06-01",
    ],
    (Purpose.STAFF_ENTRY, "zh_CN"): ["打卡", "密码", "一对多", "离职", "绝不会", "告知书版本 2026.1", "2026-06-01"],
}


@pytest.mark.req("R3")
@pytest.mark.req("R12")
@pytest.mark.parametrize("purpose", list(Purpose))
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_required_field_is_in_the_rendered_notice(
    face_ready: DeskServices, purpose: Purpose, language: str
) -> None:
    notice = face_ready.consents.notice(purpose, language)
    missing = [
        f"{field}: {word}"
        for field, words in FIELDS[language].items()
        for word in words
        if word not in notice.text and not (purpose is Purpose.STAFF_ENTRY and field == "under-14 guardian consent")
    ]
    missing += [word for word in PURPOSE_WORDS[(purpose, language)] if word not in notice.text]
    assert missing == []
    assert "{" not in notice.text  # every placeholder filled


@pytest.mark.req("R3")
def test_the_notice_follows_the_settings_and_its_hash_follows_the_text(face_ready: DeskServices, admin) -> None:
    before = face_ready.consents.notice(Purpose.GUEST_VERIFICATION, "en")
    face_ready.settings.change(admin, "retention/guest_grace_hours", 6)
    after = face_ready.consents.notice(Purpose.GUEST_VERIFICATION, "en")
    assert "6 hours after you check out" in after.text
    assert after.sha256 != before.sha256
    assert len(after.sha256) == 64
