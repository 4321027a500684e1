<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <source>The administrator sets FaceDesk up and adds the other staff accounts.</source>
        <translation>管理员负责设置 FaceDesk，并为其他员工添加账户。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>A user name cannot contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation><numerusform>密码至少需要 %n 个字符。</numerusform></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>BusinessPage</name>
    <message>
        <source>Your business</source>
        <translation>您的商户</translation>
    </message>
    <message>
        <source>Guests see this name and contact on every notice and sign.</source>
        <translation>客人会在每份告知书和提示标识上看到此名称和联系方式。</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>商户名称</translation>
    </message>
    <message>
        <source>Contact for privacy questions</source>
        <translation>个人信息问题联系方式</translation>
    </message>
    <message>
        <source>Phone, e-mail or address</source>
        <translation>电话、电子邮箱或地址</translation>
    </message>
    <message>
        <source>Where the camera is</source>
        <translation>摄像头位置</translation>
    </message>
    <message>
        <source>Hotel front desk</source>
        <translation>酒店前台</translation>
    </message>
    <message>
        <source>Shop counter</source>
        <translation>店铺柜台</translation>
    </message>
    <message>
        <source>Staff entrance</source>
        <translation>员工入口</translation>
    </message>
    <message>
        <source>Office reception</source>
        <translation>办公室接待处</translation>
    </message>
    <message>
        <source>Verify returning guests (key pickup, breakfast, luggage)</source>
        <translation>核验在住客人（取房卡、早餐、行李）</translation>
    </message>
    <message>
        <source>Staff entry and attendance</source>
        <translation>员工出入与考勤</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Face recognition is never allowed in guest rooms, bathrooms, changing rooms or toilets.</source>
        <translation>客房、浴室、更衣室和卫生间内一律不得使用人脸识别。</translation>
    </message>
    <message>
        <source>Use face recognition for:</source>
        <translation>人脸识别用于：</translation>
    </message>
    <message>
        <source>Leave both unticked to start with face recognition switched off. The manual ID check is always available.</source>
        <translation>两项都不勾选时，人脸识别保持关闭。人工核验证件始终可用。</translation>
    </message>
</context>
<context>
    <name>HomeWindow</name>
    <message>
        <source>Desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>FaceDesk – %1</source>
        <translation>FaceDesk – %1</translation>
    </message>
    <message>
        <source>FaceDesk is set up. The data on this computer is encrypted.</source>
        <translation>FaceDesk 已设置完成。本机上的数据均已加密。</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Protect the database</source>
        <translation>保护数据库</translation>
    </message>
    <message>
        <source>Everything FaceDesk stores is encrypted on this computer.</source>
        <translation>FaceDesk 存储的所有数据都在本机加密保存。</translation>
    </message>
    <message>
        <source>Keep the key in this computer's keyring</source>
        <translation>将密钥保存在本机的系统钥匙串中</translation>
    </message>
    <message>
        <source>Protect it with a passphrase typed at start-up</source>
        <translation>使用启动时输入的口令保护</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so a passphrase is needed.</source>
        <translation>本机没有可用的系统钥匙串，因此需要设置口令。</translation>
    </message>
    <message>
        <source>Set up FaceDesk</source>
        <translation>设置 FaceDesk</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation><numerusform>口令至少需要 %n 个字符。</numerusform></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>FaceDesk – %1</source>
        <translation>FaceDesk – %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Ask a manager, or wait and try again.</source>
        <translation>登录失败次数过多，此账户已被锁定。请联系经理，或稍后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>QualityHint</name>
    <message>
        <source>Please look at the camera.</source>
        <translation>请看向摄像头。</translation>
    </message>
    <message>
        <source>Only one person in front of the camera, please.</source>
        <translation>请只留一人在摄像头前。</translation>
    </message>
    <message>
        <source>Please move your whole face into the picture.</source>
        <translation>请让整张脸都进入画面。</translation>
    </message>
    <message>
        <source>Please move a little closer.</source>
        <translation>请再靠近一点。</translation>
    </message>
    <message>
        <source>Please look straight at the camera.</source>
        <translation>请正视摄像头。</translation>
    </message>
    <message>
        <source>It is too dark. Please face the light.</source>
        <translation>光线太暗，请面向光源。</translation>
    </message>
    <message>
        <source>There is too much light on your face.</source>
        <translation>脸上的光线太强。</translation>
    </message>
    <message>
        <source>Please hold still for a moment.</source>
        <translation>请保持不动片刻。</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Write down your recovery code</source>
        <translation>请抄下您的恢复码</translation>
    </message>
    <message>
        <source>If the keyring entry or the passphrase is ever lost, this code is the only way to open the data again. It is shown only now.</source>
        <translation>如果钥匙串中的条目或口令丢失，只有此恢复码能重新打开数据。恢复码仅在此时显示一次。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>I have written down the recovery code and will keep it away from this computer.</source>
        <translation>我已抄下恢复码，并会将其与本机分开妥善保管。</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>FaceDesk recovery code</source>
        <translation>FaceDesk 恢复码</translation>
    </message>
    <message>
        <source>Keep this sheet locked away from the FaceDesk computer. With this code, the command 'facedesk recover' re-opens the encrypted data if the keyring entry or the passphrase is lost.</source>
        <translation>请将本页锁好保管，不要与 FaceDesk 电脑放在一起。如果钥匙串条目或口令丢失，可凭此恢复码通过命令“facedesk recover”重新打开加密数据。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字体</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Camera width (pixels)</source>
        <translation>摄像头宽度（像素）</translation>
    </message>
    <message>
        <source>Camera height (pixels)</source>
        <translation>摄像头高度（像素）</translation>
    </message>
    <message>
        <source>Camera frame rate</source>
        <translation>摄像头帧率</translation>
    </message>
    <message>
        <source>Lock the screen after this many idle minutes</source>
        <translation>空闲多少分钟后锁定屏幕</translation>
    </message>
    <message>
        <source>Failed sign-ins before an account is locked</source>
        <translation>账户锁定前允许的登录失败次数</translation>
    </message>
    <message>
        <source>Minutes a locked account stays locked</source>
        <translation>账户锁定持续的分钟数</translation>
    </message>
    <message>
        <source>Hours after checkout before guest face data is deleted</source>
        <translation>退房后多少小时删除客人人脸数据</translation>
    </message>
    <message>
        <source>Days an encrypted backup is kept</source>
        <translation>加密备份保留天数</translation>
    </message>
    <message>
        <source>Allow face enrolment of under-14s with guardian consent</source>
        <translation>允许在监护人同意后为未满14周岁者录入人脸</translation>
    </message>
    <message>
        <source>Face match threshold for verifying one guest (lower is stricter)</source>
        <translation>核验单个客人时的人脸匹配阈值（越低越严格）</translation>
    </message>
    <message>
        <source>Face match threshold for identifying staff (lower is stricter)</source>
        <translation>识别员工时的人脸匹配阈值（越低越严格）</translation>
    </message>
    <message>
        <source>How clearly the best staff match must beat the next person</source>
        <translation>最佳匹配员工须领先下一位的差距</translation>
    </message>
    <message>
        <source>Longest image side used for finding faces (pixels)</source>
        <translation>检测人脸时图像长边的最大尺寸（像素）</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up FaceDesk</source>
        <translation>设置 FaceDesk</translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <source>FaceDesk cannot start</source>
        <translation>FaceDesk 无法启动</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock FaceDesk</source>
        <translation>解锁 FaceDesk</translation>
    </message>
    <message>
        <source>Database passphrase</source>
        <translation>数据库口令</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>改用恢复码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>The recovery code was shown once at setup, in six groups of five letters and digits.</source>
        <translation>恢复码在设置时显示过一次，由六组、每组五个字母和数字组成。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>口令错误。未做任何更改，请重试。</translation>
    </message>
    <message>
        <source>This recovery code does not fit. Check it for typing mistakes.</source>
        <translation>此恢复码不匹配。请检查是否输入有误。</translation>
    </message>
</context>
</TS>
