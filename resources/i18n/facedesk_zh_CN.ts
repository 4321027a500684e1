<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessRuleDialog</name>
    <message>
        <source>Door access: %1</source>
        <translation>门禁权限：%1</translation>
    </message>
    <message>
        <source>The shop&apos;s opening days and hours</source>
        <translation>按本店营业日和营业时间</translation>
    </message>
    <message>
        <source>Their own days and hours</source>
        <translation>自定通行日和时段</translation>
    </message>
    <message>
        <source>May come in from</source>
        <translation>可进入时间（起）</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Only between two dates (temporary access)</source>
        <translation>仅限两个日期之间（临时通行）</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>首日</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>末日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>通行日</translation>
    </message>
    <message>
        <source>From and until</source>
        <translation>起止时间</translation>
    </message>
    <message>
        <source>An end before the start runs past midnight (a night shift, 22:00 to 06:00).</source>
        <translation>结束早于开始表示跨过午夜（如夜班 22:00 至 06:00）。</translation>
    </message>
    <message>
        <source>First and last day</source>
        <translation>首日和末日</translation>
    </message>
    <message>
        <source>Outside these times the kiosk says why and keeps the door shut. Leaving is never refused. Access ends by itself on the last working day of someone who leaves.</source>
        <translation>超出这些时间，考勤机会说明原因，门保持关闭。离开从不受限。员工离职后，权限在其最后工作日自动结束。</translation>
    </message>
    <message>
        <source>Save access</source>
        <translation>保存权限</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
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
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>Impact assessment</source>
        <translation>个人信息保护影响评估</translation>
    </message>
    <message>
        <source>Face enrolment starts only after this assessment. It is kept for three years.</source>
        <translation>完成本评估后才能开始人脸录入。评估记录保存三年。</translation>
    </message>
    <message>
        <source>Leave it empty to do it later under Compliance; until then every guest uses the ID document check.</source>
        <translation>留空则稍后在“合规”中完成；在此之前所有客人都查验证件。</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Clock events</source>
        <translation>打卡记录</translation>
    </message>
    <message>
        <source>Days worked</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <source>Start the staff entry kiosk</source>
        <translation>启动员工打卡终端</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Day: every clock event</source>
        <translation>按日：每一条打卡记录</translation>
    </message>
    <message>
        <source>Week: days and hours</source>
        <translation>按周：出勤天数和工时</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Correct the selected event</source>
        <translation>更正所选记录</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export to a CSV file</source>
        <translation>导出为 CSV 文件</translation>
    </message>
    <message>
        <source>Staff entry</source>
        <translation>员工打卡</translation>
    </message>
    <message>
        <source>Start the kiosk when work begins. The camera is on only while the kiosk runs, and the PIN always works.</source>
        <translation>上班时启动打卡终端。摄像头只在终端运行期间开启，PIN 码始终可用。</translation>
    </message>
    <message>
        <source>Wrote %1 clock events to %2.</source>
        <translation>已将 %1 条打卡记录写入 %2。</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>导出考勤</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Select the event to correct first.</source>
        <translation>请先选择要更正的记录。</translation>
    </message>
    <message>
        <source>This event was already corrected.</source>
        <translation>这条记录已经更正过。</translation>
    </message>
    <message>
        <source>The event was corrected; the correction is in the audit log.</source>
        <translation>记录已更正，更正已写入审计日志。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Verify the audit chain</source>
        <translation>核验审计链</translation>
    </message>
    <message>
        <source>Audit chain verdict</source>
        <translation>审计链核验结果</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Select an event to read all of it here.</source>
        <translation>选择一条事件，在此查看全部内容。</translation>
    </message>
    <message>
        <source>The selected event</source>
        <translation>所选事件</translation>
    </message>
    <message numerus="yes">
        <source>Intact: all %Ln events check out; nothing was changed or removed.</source>
        <translation>
            <numerusform>完好：全部 %Ln 条事件核验通过，没有被修改或删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at event %1: the log was changed after it was written. Report this to the administrator.</source>
        <translation>在第 %1 条事件处断开：日志在写入后被改动过。请报告管理员。</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Face templates deleted</source>
        <translation>已删除的人脸模板</translation>
    </message>
    <message>
        <source>Face templates kept</source>
        <translation>保留的人脸模板</translation>
    </message>
    <message>
        <source>Face templates</source>
        <translation>人脸特征值</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Corrected by event</source>
        <translation>由此事件更正</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>To version</source>
        <translation>升级到版本</translation>
    </message>
    <message>
        <source>From version</source>
        <translation>原版本</translation>
    </message>
    <message>
        <source>Database version</source>
        <translation>数据库版本</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>入住</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Old backups deleted</source>
        <translation>已删除的旧备份</translation>
    </message>
    <message>
        <source>Returning guest</source>
        <translation>回头客</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>People in the last hour</source>
        <translation>过去一小时的人数</translation>
    </message>
    <message>
        <source>Exports in the last hour</source>
        <translation>过去一小时的导出次数</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>更改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>更改后</translation>
    </message>
    <message>
        <source>Notice version</source>
        <translation>告知书版本</translation>
    </message>
    <message>
        <source>Last working day</source>
        <translation>最后工作日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Key protection</source>
        <translation>密钥保护方式</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>In or out</source>
        <translation>上班或下班</translation>
    </message>
    <message>
        <source>Data involved</source>
        <translation>涉及的信息</translation>
    </message>
    <message>
        <source>Where the camera is</source>
        <translation>摄像头位置</translation>
    </message>
    <message>
        <source>Registrations erased</source>
        <translation>已删除的登记</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更改内容</translation>
    </message>
    <message>
        <source>Consents ended</source>
        <translation>已结束的同意</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>Nights added</source>
        <translation>增加的晚数</translation>
    </message>
    <message>
        <source>Consents moved</source>
        <translation>转移的同意</translation>
    </message>
    <message>
        <source>Consents to confirm again</source>
        <translation>需重新确认的同意</translation>
    </message>
    <message>
        <source>Face entry</source>
        <translation>刷脸打卡</translation>
    </message>
    <message>
        <source>People with face entry</source>
        <translation>开启刷脸打卡的人数</translation>
    </message>
    <message>
        <source>Waiting to agree again</source>
        <translation>等待重新同意</translation>
    </message>
    <message>
        <source>Own hours</source>
        <translation>自定时段</translation>
    </message>
    <message>
        <source>Temporary access</source>
        <translation>临时通行</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>face matches</source>
        <translation>人脸相符</translation>
    </message>
    <message>
        <source>face does not match</source>
        <translation>人脸不符</translation>
    </message>
    <message>
        <source>no clear picture</source>
        <translation>画面不清晰</translation>
    </message>
    <message>
        <source>ID document checked</source>
        <translation>已查验证件</translation>
    </message>
    <message>
        <source>ID document does not match</source>
        <translation>证件不符</translation>
    </message>
    <message>
        <source>looked at</source>
        <translation>人工查看</translation>
    </message>
    <message>
        <source>card read by the reader</source>
        <translation>阅读器读取证件</translation>
    </message>
    <message>
        <source>face</source>
        <translation>人脸</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>in</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>out</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>verifying guests</source>
        <translation>核验在住客人</translation>
    </message>
    <message>
        <source>staff entry</source>
        <translation>员工打卡</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>the person stopped</source>
        <translation>本人停止</translation>
    </message>
    <message>
        <source>the capture could not go on</source>
        <translation>采集无法继续</translation>
    </message>
    <message>
        <source>the camera went away</source>
        <translation>摄像头断开</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>the desk was locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <source>the desk locked itself</source>
        <translation>前台自动锁定</translation>
    </message>
    <message>
        <source>another operator signed in</source>
        <translation>另一位操作员登录</translation>
    </message>
    <message>
        <source>FaceDesk was closed</source>
        <translation>FaceDesk 已关闭</translation>
    </message>
    <message>
        <source>hotel front desk</source>
        <translation>酒店前台</translation>
    </message>
    <message>
        <source>shop counter</source>
        <translation>店铺柜台</translation>
    </message>
    <message>
        <source>staff entrance</source>
        <translation>员工入口</translation>
    </message>
    <message>
        <source>office reception</source>
        <translation>办公室前台</translation>
    </message>
    <message>
        <source>the person themself</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>a parent or guardian</source>
        <translation>父母或监护人</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>the person withdrew</source>
        <translation>本人撤回</translation>
    </message>
    <message>
        <source>the person did not agree to the changed notice</source>
        <translation>本人不同意更新后的告知书</translation>
    </message>
    <message>
        <source>no such user name</source>
        <translation>用户名不存在</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>data export from the command line</source>
        <translation>从命令行导出数据</translation>
    </message>
    <message>
        <source>setup finished</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <source>a person&apos;s request</source>
        <translation>个人的权利请求</translation>
    </message>
    <message>
        <source>ended by a manager</source>
        <translation>由经理结束</translation>
    </message>
    <message>
        <source>the person asked for deletion</source>
        <translation>本人要求删除</translation>
    </message>
    <message>
        <source>the guest register period ended</source>
        <translation>旅客登记保存期已满</translation>
    </message>
    <message>
        <source>the guest checked out</source>
        <translation>客人已退房</translation>
    </message>
    <message>
        <source>the keeping period ended</source>
        <translation>保存期限已到</translation>
    </message>
    <message>
        <source>the employment ended</source>
        <translation>雇佣关系已结束</translation>
    </message>
    <message>
        <source>not used for three years</source>
        <translation>三年未使用</translation>
    </message>
    <message>
        <source>wrong person</source>
        <translation>人员错误</translation>
    </message>
    <message>
        <source>in and out mixed up</source>
        <translation>进出方向记反</translation>
    </message>
    <message>
        <source>wrong time</source>
        <translation>时间错误</translation>
    </message>
    <message>
        <source>recorded twice</source>
        <translation>重复记录</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>漏记</translation>
    </message>
    <message>
        <source>filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>cancelling the filing</source>
        <translation>注销备案</translation>
    </message>
    <message>
        <source>changing the filing</source>
        <translation>变更备案</translation>
    </message>
    <message>
        <source>the filing threshold was reached</source>
        <translation>已达到备案门槛</translation>
    </message>
    <message>
        <source>face recognition was switched off</source>
        <translation>人脸识别已关闭</translation>
    </message>
    <message>
        <source>the purposes changed</source>
        <translation>用途已变更</translation>
    </message>
    <message>
        <source>the business details changed</source>
        <translation>商户信息已变更</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
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
    <name>CameraPage</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Choose the camera at the desk and check that the picture is clear.</source>
        <translation>请选择前台的摄像头，并确认画面清晰。</translation>
    </message>
    <message>
        <source>Test camera</source>
        <translation>测试摄像头</translation>
    </message>
    <message>
        <source>This session uses the camera given on the command line.</source>
        <translation>本次运行使用命令行指定的摄像头。</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <source>Connect a USB camera and test again, or choose it later under Settings. The ID document check works without a camera.</source>
        <translation>请连接 USB 摄像头后再测试，或稍后在“设置”中选择。没有摄像头也可以查验证件。</translation>
    </message>
    <message>
        <source>You can change the camera later under Settings.</source>
        <translation>以后可以在“设置”中更换摄像头。</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <source>The camera works. Check the face area is bright and sharp.</source>
        <translation>摄像头工作正常。请确认面部区域明亮、清晰。</translation>
    </message>
    <message>
        <source>The camera is not available.</source>
        <translation>摄像头不可用。</translation>
    </message>
</context>
<context>
    <name>CaptureStep</name>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>the camera stopped sending pictures</source>
        <translation>摄像头已停止传送画面</translation>
    </message>
</context>
<context>
    <name>CardCheckBox</name>
    <message>
        <source>ID card read: %1 ending %2. Compare the photo on the card with the guest.</source>
        <translation>已读取证件：%1，尾号 %2。请将证件上的照片与客人本人比对。</translation>
    </message>
</context>
<context>
    <name>CardReaderBox</name>
    <message>
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>ID card reader port</source>
        <translation>身份证阅读器端口</translation>
    </message>
    <message>
        <source>Test the reader</source>
        <translation>测试阅读器</translation>
    </message>
    <message>
        <source>Reader test result</source>
        <translation>阅读器测试结果</translation>
    </message>
    <message>
        <source>A resident ID card reader on a USB or serial port fills the guest&apos;s details when their card is laid on it. Only the text on the card is read: the photo stored on the card&apos;s chip is never read into FaceDesk.</source>
        <translation>连接在 USB 或串口上的身份证阅读器：客人把证件放上后自动填写信息。只读取证件上的文字信息，证件芯片中的照片绝不会读入 FaceDesk。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>No reader: documents are typed</source>
        <translation>不使用阅读器：手动输入证件信息</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>The reader answers. Lay a card on it to check in a guest.</source>
        <translation>阅读器应答正常。放上证件即可为客人办理入住。</translation>
    </message>
    <message>
        <source>The reader answers, and a card lies on it.</source>
        <translation>阅读器应答正常，上面放着一张证件。</translation>
    </message>
    <message>
        <source>The port opens, but no ID card reader answers on it: choose the reader&apos;s port.</source>
        <translation>端口可以打开，但没有身份证阅读器应答：请选择阅读器所在的端口。</translation>
    </message>
    <message>
        <source>The port cannot be opened: check the reader&apos;s cable, or close the program using it.</source>
        <translation>无法打开该端口：请检查阅读器的连接线，或关闭正在使用它的程序。</translation>
    </message>
</context>
<context>
    <name>CardReaderStatusLabel</name>
    <message>
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>ID card reader ready: lay the guest&apos;s ID card on it.</source>
        <translation>身份证阅读器已就绪：请把客人的证件放在上面。</translation>
    </message>
    <message>
        <source>The ID card reader reads ID cards only. This guest&apos;s document (%1) is checked by hand.</source>
        <translation>身份证阅读器只能读取身份证类证件。这位客人的证件（%1）请人工核对。</translation>
    </message>
    <message>
        <source>Reading the ID card…</source>
        <translation>正在读取证件…</translation>
    </message>
    <message>
        <source>ID card read.</source>
        <translation>证件已读取。</translation>
    </message>
    <message>
        <source>The card could not be read: lift it and lay it down again.</source>
        <translation>未能读取证件：请拿起后重新放好。</translation>
    </message>
    <message>
        <source>The ID card reader is not connected: check its cable. The details can be typed meanwhile.</source>
        <translation>身份证阅读器未连接：请检查连接线。在此期间可以手动输入信息。</translation>
    </message>
</context>
<context>
    <name>CheckedInStep</name>
    <message>
        <source>Next guest</source>
        <translation>下一位客人</translation>
    </message>
    <message>
        <source>Another guest in this room</source>
        <translation>同一房间的下一位客人</translation>
    </message>
    <message>
        <source>Check in another guest to the same room</source>
        <translation>为同一房间办理另一位客人入住</translation>
    </message>
    <message>
        <source>%1 is checked in to room %2.</source>
        <translation>%1 已入住 %2 号房间。</translation>
    </message>
    <message>
        <source>Face enrolled: the guest can be verified by face during the stay.</source>
        <translation>已录入人脸：入住期间可通过人脸核验该客人。</translation>
    </message>
    <message>
        <source>ID card read and checked.</source>
        <translation>已读取并核验身份证件。</translation>
    </message>
    <message>
        <source>ID document checked.</source>
        <translation>已查验证件。</translation>
    </message>
    <message>
        <source>Another guest in room %1</source>
        <translation>%1 号房间的下一位客人</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>Attention</source>
        <translation>请注意</translation>
    </message>
    <message>
        <source>Requirements R1 to R24</source>
        <translation>要求 R1 至 R24</translation>
    </message>
    <message>
        <source>Record an impact assessment</source>
        <translation>记录影响评估</translation>
    </message>
    <message>
        <source>Apply retention now</source>
        <translation>立即执行保存期限规则</translation>
    </message>
    <message>
        <source>Mark the alerts as read</source>
        <translation>将警报标为已读</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Impact assessment</source>
        <translation>个人信息保护影响评估</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Security alerts</source>
        <translation>安全警报</translation>
    </message>
    <message>
        <source>Processing records</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>All 24 requirements are met.</source>
        <translation>全部 24 项要求均已满足。</translation>
    </message>
    <message>
        <source>%1 of 24 requirements need action; each row says what to do.</source>
        <translation>24 项要求中有 %1 项需要处理，每一行都写明了该做什么。</translation>
    </message>
    <message>
        <source>The impact assessment is out of date (%1): face enrolment is paused until a new one.</source>
        <translation>影响评估已过期（%1）：在重新评估之前暂停人脸采集。</translation>
    </message>
    <message>
        <source>Met: assessed on %1 by %2.</source>
        <translation>已满足：%2 于 %1 完成评估。</translation>
    </message>
    <message>
        <source>Needs action: %1. Face enrolment is paused until a new assessment.</source>
        <translation>需要处理：%1。在完成新的评估之前暂停人脸录入。</translation>
    </message>
    <message>
        <source>Nothing is waiting for deletion.</source>
        <translation>没有待删除的数据。</translation>
    </message>
    <message numerus="yes">
        <source>Needs action: %Ln consents past their retention date.</source>
        <translation>
            <numerusform>需要处理：%Ln 份同意已超过保存期限。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open security alerts.</source>
        <translation>
            <numerusform>%Ln 条未处理的安全警报。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>This month so far: enrolments %1, face checks %2, ID document checks %3, withdrawals %4.</source>
        <translation>本月至今：人脸采集 %1 次，人脸核验 %2 次，证件查验 %3 次，撤回 %4 次。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln closed months on record, each kept three years.</source>
        <translation>
            <numerusform>已归档 %Ln 个月的记录，每份保存三年。</numerusform>
        </translation>
    </message>
    <message>
        <source>no impact assessment recorded</source>
        <translation>尚未记录影响评估</translation>
    </message>
    <message>
        <source>incident %1 recorded</source>
        <translation>已记录事件 %1</translation>
    </message>
    <message>
        <source>the purposes</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>where the camera is</source>
        <translation>摄像头位置</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 已更改</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a clock event</source>
        <translation>更正打卡记录</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>哪里有误</translation>
    </message>
    <message>
        <source>Wrong time</source>
        <translation>时间有误</translation>
    </message>
    <message>
        <source>In and out mixed up</source>
        <translation>上班和下班弄反了</translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation>人员有误</translation>
    </message>
    <message>
        <source>Recorded twice</source>
        <translation>重复记录</translation>
    </message>
    <message>
        <source>Record what really happened instead</source>
        <translation>改为记录实际情况</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>In or out</source>
        <translation>上班或下班</translation>
    </message>
    <message>
        <source>In</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>%1, %2 at %3. The event stays on file, marked as corrected, and the correction is audited.</source>
        <translation>%1，%2 %3。原记录会保留并标记为已更正，更正会记入审计日志。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>the FaceDesk log</source>
        <translation>FaceDesk 日志</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was lost.</source>
        <translation>出了点问题，但没有丢失任何数据。</translation>
    </message>
    <message>
        <source>You can go on working. The details are in the log: %1</source>
        <translation>您可以继续工作。详细信息已记录在日志中：%1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What it means now</source>
        <translation>当前说明</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Specific purpose</source>
        <translation>特定目的</translation>
    </message>
    <message>
        <source>Impact assessment before processing</source>
        <translation>处理前进行影响评估</translation>
    </message>
    <message>
        <source>Notice before collection</source>
        <translation>采集前告知</translation>
    </message>
    <message>
        <source>Separate, explicit consent</source>
        <translation>单独、明示的同意</translation>
    </message>
    <message>
        <source>Consent evidence</source>
        <translation>同意的证据</translation>
    </message>
    <message>
        <source>New consent when the notice changes</source>
        <translation>告知变更后重新取得同意</translation>
    </message>
    <message>
        <source>Guardian consent under 14</source>
        <translation>不满十四周岁须监护人同意</translation>
    </message>
    <message>
        <source>Face is never the only way</source>
        <translation>人脸识别绝非唯一方式</translation>
    </message>
    <message>
        <source>No pressure or misleading wording</source>
        <translation>不得误导或强迫</translation>
    </message>
    <message>
        <source>Easy withdrawal and deletion</source>
        <translation>便捷撤回和删除</translation>
    </message>
    <message>
        <source>Data stays on this computer</source>
        <translation>数据只保存在本机</translation>
    </message>
    <message>
        <source>Templates, never images</source>
        <translation>只存特征值，不存图像</translation>
    </message>
    <message>
        <source>Shortest retention</source>
        <translation>最短保存期限</translation>
    </message>
    <message>
        <source>Real deletion</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>访问控制</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Intrusion detection</source>
        <translation>入侵检测</translation>
    </message>
    <message>
        <source>Rights requests</source>
        <translation>个人权利请求</translation>
    </message>
    <message>
        <source>Breach handling</source>
        <translation>安全事件处置</translation>
    </message>
    <message>
        <source>Filing at 100,000 people</source>
        <translation>达到十万人时备案</translation>
    </message>
    <message>
        <source>Signage, never in private spaces</source>
        <translation>设置提示标识，禁止用于私密空间</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>无障碍</translation>
    </message>
    <message>
        <source>Purpose limitation</source>
        <translation>目的限制</translation>
    </message>
    <message>
        <source>In place: %2.</source>
        <translation>已具备：%2。</translation>
    </message>
    <message>
        <source>Not complete in this version of FaceDesk: it needs %2. Use paper records meanwhile.</source>
        <translation>此版本的 FaceDesk 尚不完整：需要 %2。在此之前请使用纸质记录。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>安全事件</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>A rule of FaceDesk&apos;s code, nothing to use or set; its tests are listed in docs/COMPLIANCE.md.</source>
        <translation>这是 FaceDesk 代码中的规则，无需操作或设置；相关测试列于 docs/COMPLIANCE.md。</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>办理入住</translation>
    </message>
    <message>
        <source>Verify guest</source>
        <translation>核验客人</translation>
    </message>
    <message>
        <source>Withdraw / opt out</source>
        <translation>撤回同意 / 退出</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Face recognition runs only for the recorded purposes (%1).</source>
        <translation>人脸识别只用于已记录的用途（%1 项）。</translation>
    </message>
    <message>
        <source>No purpose is recorded, so face recognition is off.</source>
        <translation>未记录任何用途，人脸识别处于关闭状态。</translation>
    </message>
    <message>
        <source>The impact assessment is current.</source>
        <translation>影响评估有效。</translation>
    </message>
    <message>
        <source>Record an impact assessment before face enrolment.</source>
        <translation>请在人脸采集前记录影响评估。</translation>
    </message>
    <message>
        <source>Something it covers has changed: record a new impact assessment.</source>
        <translation>评估涵盖的内容已变化：请重新记录影响评估。</translation>
    </message>
    <message>
        <source>Nothing is waiting for deletion.</source>
        <translation>没有待删除的数据。</translation>
    </message>
    <message>
        <source>The audit log is broken at event #%1: record an incident.</source>
        <translation>审计日志在第 %1 条事件处断裂：请登记安全事件。</translation>
    </message>
    <message>
        <source>No unread security alerts.</source>
        <translation>没有未读的安全警报。</translation>
    </message>
    <message>
        <source>The sign matches the current business details.</source>
        <translation>提示标识与当前商户信息一致。</translation>
    </message>
    <message>
        <source>Save the sign as PDF, print it and put it up at the desk.</source>
        <translation>请将提示标识保存为 PDF，打印后张贴在柜台。</translation>
    </message>
</context>
<context>
    <name>DashboardCounts</name>
    <message numerus="yes">
        <source>%Ln consents are past their retention date: apply retention now.</source>
        <translation>
            <numerusform>%Ln 份同意已超过保存期限：请立即执行保存期限规则。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact (%Ln events).</source>
        <translation>
            <numerusform>审计链完整（%Ln 条事件）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread security alerts: review them, then mark them read.</source>
        <translation>
            <numerusform>%Ln 条未读安全警报：请查看后标为已读。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people with face data, below the first warning level.</source>
        <translation>
            <numerusform>持有人脸数据 %Ln 人，低于第一预警线。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people with face data: export the filing data and prepare the filing.</source>
        <translation>
            <numerusform>持有人脸数据 %Ln 人：请导出备案资料并准备备案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people with face data: file now (export the filing data).</source>
        <translation>
            <numerusform>持有人脸数据 %Ln 人：请立即备案（导出备案资料）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln filings to submit to the authority. Each is listed below with its deadline.</source>
        <translation>
            <numerusform>待向主管部门办理的备案：%Ln 项。每项的期限列在下方。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filed with the authority; %Ln people with face data.</source>
        <translation>
            <numerusform>已向主管部门备案；%Ln 人存有人脸数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionReceiptsDialog</name>
    <message>
        <source>Deletion receipts</source>
        <translation>删除回执</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>The face data was deleted. Print the deletion receipt if the guest wants one.</source>
        <translation>人脸数据已删除。如客人需要，请打印删除回执。</translation>
    </message>
</context>
<context>
    <name>DepartureDialog</name>
    <message>
        <source>Change departure</source>
        <translation>更改离店日期</translation>
    </message>
    <message>
        <source>New departure date</source>
        <translation>新的离店日期</translation>
    </message>
    <message>
        <source>Everyone in room %2 (%1 guests)</source>
        <translation>%2 号房间的全部客人（%1 位）</translation>
    </message>
    <message>
        <source>Guest: %1, room %2</source>
        <translation>客人：%1，%2 号房</translation>
    </message>
    <message>
        <source>New departure</source>
        <translation>新的离店日期</translation>
    </message>
    <message>
        <source>Face data then goes at the new checkout. A guest who agreed to an earlier notice is shown the current one first.</source>
        <translation>人脸数据将在新的退房时间删除。曾同意旧版告知的客人会先看到现行告知。</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>USB camera %1</source>
        <translation>USB 摄像头 %1</translation>
    </message>
    <message>
        <source>FaceDesk – %1</source>
        <translation>FaceDesk – %1</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>办理入住</translation>
    </message>
    <message>
        <source>Verify guest</source>
        <translation>核验客人</translation>
    </message>
    <message>
        <source>Withdraw / opt out</source>
        <translation>撤回同意 / 退出</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Staff entry</source>
        <translation>员工打卡</translation>
    </message>
    <message>
        <source>Staff door</source>
        <translation>员工门禁</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规</translation>
    </message>
    <message>
        <source>Rights requests</source>
        <translation>权利请求</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>安全事件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Language and display</source>
        <translation>语言与显示</translation>
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
        <source>Switch operator</source>
        <translation>切换操作员</translation>
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
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>lost, reconnecting</source>
        <translation>已断开，正在重连</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Camera: %1 (%2)</source>
        <translation>摄像头：%1（%2）</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Save the sign as PDF…</source>
        <translation>将提示标识保存为 PDF…</translation>
    </message>
    <message>
        <source>Save the impact assessment report as PDF…</source>
        <translation>将影响评估报告保存为 PDF…</translation>
    </message>
    <message>
        <source>Export the filing data…</source>
        <translation>导出备案资料…</translation>
    </message>
    <message>
        <source>Export the filing data as PDF and JSON</source>
        <translation>将备案资料导出为 PDF 和 JSON</translation>
    </message>
    <message>
        <source>facedesk-sign.pdf</source>
        <translation>人脸识别提示标识.pdf</translation>
    </message>
    <message>
        <source>impact-assessment.pdf</source>
        <translation>影响评估报告.pdf</translation>
    </message>
    <message>
        <source>filing-data.pdf</source>
        <translation>备案资料.pdf</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentCheckPanel</name>
    <message>
        <source>Registered document</source>
        <translation>登记的证件</translation>
    </message>
    <message>
        <source>Photo matches: confirm with the card</source>
        <translation>照片相符：以证件确认</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Does not match</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Compare the guest&apos;s ID document and its photo with the registered one.</source>
        <translation>请将客人出示的证件及照片与登记的证件核对。</translation>
    </message>
</context>
<context>
    <name>DoorBox</name>
    <message>
        <source>Staff door</source>
        <translation>员工门禁</translation>
    </message>
    <message>
        <source>Door relay port</source>
        <translation>门禁继电器端口</translation>
    </message>
    <message>
        <source>Relay board</source>
        <translation>继电器板</translation>
    </message>
    <message>
        <source>Relay number on the board</source>
        <translation>继电器路号</translation>
    </message>
    <message>
        <source>Bytes that switch the relay on</source>
        <translation>接通继电器的字节</translation>
    </message>
    <message>
        <source>Bytes that switch the relay off</source>
        <translation>断开继电器的字节</translation>
    </message>
    <message>
        <source>Door lock without power</source>
        <translation>断电时门锁状态</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Seconds the door stays open</source>
        <translation>开门保持秒数</translation>
    </message>
    <message>
        <source>Save door settings</source>
        <translation>保存门禁设置</translation>
    </message>
    <message>
        <source>Test the door</source>
        <translation>测试开门</translation>
    </message>
    <message>
        <source>Test the door: open it once</source>
        <translation>测试开门：开门一次</translation>
    </message>
    <message>
        <source>Door test result</source>
        <translation>开门测试结果</translation>
    </message>
    <message>
        <source>A USB relay board wired to the staff door&apos;s lock opens the door when the kiosk lets a staff member in, and locks it again after the seconds below. Refused entries never open it. Without power a fail-secure lock (an electric strike) stays locked and a fail-safe lock (a magnetic lock) opens: choose what your lock does, so FaceDesk switches the relay the right way.</source>
        <translation>接在员工门门锁上的 USB 继电器板会在考勤机放行员工时开门，并在下方设定的秒数后重新上锁。被拒绝的进入绝不会开门。断电时，断电上锁型门锁（电锁口）保持锁闭，断电开锁型门锁（磁力锁）会打开：请按您的门锁类型选择，FaceDesk 才能正确控制继电器。</translation>
    </message>
    <message>
        <source>Relay port</source>
        <translation>继电器端口</translation>
    </message>
    <message>
        <source>Relay number</source>
        <translation>继电器路号</translation>
    </message>
    <message>
        <source>Bytes to switch on</source>
        <translation>接通字节</translation>
    </message>
    <message>
        <source>Bytes to switch off</source>
        <translation>断开字节</translation>
    </message>
    <message>
        <source>Lock without power</source>
        <translation>断电时门锁</translation>
    </message>
    <message>
        <source>Door stays open</source>
        <translation>开门保持</translation>
    </message>
    <message>
        <source>No door: nothing is opened</source>
        <translation>不接门禁：不开任何门</translation>
    </message>
    <message>
        <source>Saved. The door follows these settings now.</source>
        <translation>已保存。门禁现在按这些设置工作。</translation>
    </message>
    <message>
        <source>Opening the door…</source>
        <translation>正在开门…</translation>
    </message>
    <message>
        <source>The door opened, and locks again by itself in a few seconds.</source>
        <translation>门已打开，几秒后会自动重新上锁。</translation>
    </message>
    <message>
        <source>The door could not be opened: check the relay&apos;s cable and port, the board type, and that no other program uses the port.</source>
        <translation>无法开门：请检查继电器的连接线和端口、继电器板型号，以及是否有其他程序占用该端口。</translation>
    </message>
</context>
<context>
    <name>DoorModels</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>In or out</source>
        <translation>进或出</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>通行结果</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>通行日</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>In</source>
        <translation>进</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>考勤机</translation>
    </message>
    <message>
        <source>Opened from the desk</source>
        <translation>前台开门</translation>
    </message>
    <message>
        <source>Let in</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>(not recognised)</source>
        <translation>（未识别）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已开门</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>无法开门</translation>
    </message>
    <message>
        <source>No door set up</source>
        <translation>未接门禁</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在开门…</translation>
    </message>
    <message>
        <source>Shop&apos;s days</source>
        <translation>本店营业日</translation>
    </message>
    <message>
        <source>Shop&apos;s hours (%1)</source>
        <translation>本店营业时间（%1）</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Monthly timesheet</source>
        <translation>月度考勤表</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Hours worked</source>
        <translation>工作时长</translation>
    </message>
    <message>
        <source>Days worked</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <source>Days absent</source>
        <translation>缺勤天数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>First in</source>
        <translation>首次进入</translation>
    </message>
    <message>
        <source>Last out</source>
        <translation>最后离开</translation>
    </message>
    <message>
        <source>Time worked</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Corrected by the manager</source>
        <translation>经理已更正</translation>
    </message>
    <message>
        <source>Hours count from each clock-in to the clock-out that follows it. A day is absent when it was one of the staff member&apos;s working days and nobody clocked in or out. Manager corrections are counted and marked.</source>
        <translation>工作时长按每次上班打卡到随后的下班打卡计算。某天是该员工的工作日但没有任何打卡记录，即记为缺勤。经理的更正已计入并标注。</translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <source>Entry log</source>
        <translation>通行记录</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>通行权限</translation>
    </message>
    <message>
        <source>Monthly timesheet</source>
        <translation>月度考勤表</translation>
    </message>
    <message>
        <source>Staff door</source>
        <translation>员工门禁</translation>
    </message>
    <message>
        <source>Whose entries</source>
        <translation>谁的记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Open the door now</source>
        <translation>立即开门</translation>
    </message>
    <message>
        <source>Open the staff door now (recorded)</source>
        <translation>立即打开员工门（会记录）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the entry log to a CSV file</source>
        <translation>将通行记录导出为 CSV 文件</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Every decision at the staff door: who, when, let in or refused and why, and what the door did. No face picture or face data is kept here.</source>
        <translation>员工门的每一次判定：谁、何时、放行或拒绝及原因，以及门的动作。这里不保存任何人脸照片或人脸数据。</translation>
    </message>
    <message>
        <source>Door access of each staff member</source>
        <translation>每位员工的门禁权限</translation>
    </message>
    <message>
        <source>Change access…</source>
        <translation>更改权限…</translation>
    </message>
    <message>
        <source>When each staff member may come in. Without their own days and hours, the shop&apos;s opening hours apply (Settings). The kiosk refuses entry outside these times and says why.</source>
        <translation>每位员工可以进入的时间。未设自定通行日和时段的员工按本店营业时间（设置中）通行。超出这些时间，考勤机会拒绝进入并说明原因。</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Timesheet</source>
        <translation>考勤表</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the timesheet as a PDF</source>
        <translation>将考勤表保存为 PDF</translation>
    </message>
    <message>
        <source>No door relay is set up (Settings): the log still records every decision at the kiosk.</source>
        <translation>未设置门禁继电器（见设置）：记录仍会保存考勤机的每一次判定。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Select a staff member first.</source>
        <translation>请先选择一位员工。</translation>
    </message>
    <message>
        <source>Saved. The kiosk uses the new access from now on.</source>
        <translation>已保存。考勤机从现在起按新权限执行。</translation>
    </message>
    <message>
        <source>Opening the door…</source>
        <translation>正在开门…</translation>
    </message>
    <message>
        <source>The door opened; it locks again by itself.</source>
        <translation>门已打开，会自动重新上锁。</translation>
    </message>
    <message>
        <source>The door could not be opened: check the relay in Settings.</source>
        <translation>无法开门：请在设置中检查继电器。</translation>
    </message>
    <message>
        <source>Export the entry log</source>
        <translation>导出通行记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1 entries to %2.</source>
        <translation>已将 %1 条记录写入 %2。</translation>
    </message>
    <message>
        <source>Save the timesheet</source>
        <translation>保存考勤表</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>Entry</name>
    <message>
        <source>Outside your hours: the door stays shut.</source>
        <translation>不在您的通行时段内：门不会打开。</translation>
    </message>
    <message>
        <source>Today is not one of your days: the door stays shut.</source>
        <translation>今天不是您的通行日：门不会打开。</translation>
    </message>
    <message>
        <source>The shop is closed on public holidays.</source>
        <translation>法定节假日本店不营业。</translation>
    </message>
    <message>
        <source>Your access has not started yet.</source>
        <translation>您的通行权限尚未开始。</translation>
    </message>
    <message>
        <source>Your access has ended.</source>
        <translation>您的通行权限已结束。</translation>
    </message>
    <message>
        <source>Your employment has ended.</source>
        <translation>您的雇佣关系已结束。</translation>
    </message>
    <message>
        <source>Face not recognised.</source>
        <translation>未识别到人脸。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FilingBox</name>
    <message>
        <source>People with face data (filing threshold 100,000)</source>
        <translation>存有人脸数据的人数（备案门槛 100,000）</translation>
    </message>
    <message>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>The selected filing was submitted today</source>
        <translation>所选备案已于今天办理</translation>
    </message>
    <message>
        <source>%1 people with face data.</source>
        <translation>%1 人存有人脸数据。</translation>
    </message>
    <message>
        <source>Filing (100,000 people with face data reached)</source>
        <translation>备案（存有人脸数据的人数达到 100,000）</translation>
    </message>
    <message>
        <source>Change filing (what was filed changed)</source>
        <translation>变更备案（已备案的信息发生变化）</translation>
    </message>
    <message>
        <source>Cancellation filing (face recognition switched off)</source>
        <translation>注销备案（已停用人脸识别）</translation>
    </message>
    <message>
        <source>%1: submitted on %2.</source>
        <translation>%1：已于 %2 办理。</translation>
    </message>
    <message>
        <source>%1: due by %2 (arose on %3).</source>
        <translation>%1：须于 %2 前办理（%3 起）。</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>离店日期</translation>
    </message>
    <message>
        <source>Verify by</source>
        <translation>核验方式</translation>
    </message>
    <message>
        <source>Face data goes</source>
        <translation>人脸数据删除时间</translation>
    </message>
    <message>
        <source>Guest name or room</source>
        <translation>客人姓名或房号</translation>
    </message>
    <message>
        <source>Search today&apos;s guests</source>
        <translation>搜索今天的客人</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客人</translation>
    </message>
    <message>
        <source>Check in…</source>
        <translation>办理入住…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Check out…</source>
        <translation>退房…</translation>
    </message>
    <message>
        <source>Change departure…</source>
        <translation>更改离店日期…</translation>
    </message>
    <message>
        <source>Change room…</source>
        <translation>换房…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>撤回同意…</translation>
    </message>
    <message>
        <source>Apply to everyone in the room</source>
        <translation>应用于该房间的全部客人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>Arriving (%1)</source>
        <translation>今日到店（%1）</translation>
    </message>
    <message>
        <source>In house (%1)</source>
        <translation>在住（%1）</translation>
    </message>
    <message>
        <source>Leaving today (%1)</source>
        <translation>今日离店（%1）</translation>
    </message>
    <message>
        <source>Their face data is deleted at checkout.</source>
        <translation>其人脸数据将在退房时删除。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln face templates deleted.</source>
        <translation>
            <numerusform>已删除 %Ln 个人脸模板。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: departure moved to %2.</source>
        <translation>%1：离店日期已改为 %2。</translation>
    </message>
    <message>
        <source>No face data is held for them.</source>
        <translation>未保存其任何人脸数据。</translation>
    </message>
    <message>
        <source>Their face data is deleted one hour after checkout.</source>
        <translation>其人脸数据将在退房一小时后删除。</translation>
    </message>
    <message>
        <source>Their face data is deleted %1 hours after checkout.</source>
        <translation>其人脸数据将在退房 %1 小时后删除。</translation>
    </message>
    <message>
        <source>Check out %1 from room %2?</source>
        <translation>为 %2 号房的 %1 办理退房？</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message>
        <source>%1 checked out of room %2.</source>
        <translation>%1 已从 %2 号房退房。</translation>
    </message>
    <message>
        <source>Face data goes at %1.</source>
        <translation>人脸数据将于 %1 删除。</translation>
    </message>
    <message>
        <source>Change room</source>
        <translation>换房</translation>
    </message>
    <message>
        <source>New room for %1:</source>
        <translation>%1 的新房号：</translation>
    </message>
    <message>
        <source>%1 moved to room %2.</source>
        <translation>%1 已换到 %2 号房。</translation>
    </message>
    <message>
        <source>Everyone in room %1 (%2 guests)</source>
        <translation>%1 号房间的全部客人（%2 位）</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>人脸</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>尚未入住</translation>
    </message>
    <message>
        <source>No face data</source>
        <translation>无人脸数据</translation>
    </message>
</context>
<context>
    <name>GuestDetailsStep</name>
    <message>
        <source>Room</source>
        <translation>房间号</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>离店日期</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Arrival and departure</source>
        <translation>入住与离店日期</translation>
    </message>
    <message>
        <source>Check in a guest</source>
        <translation>为客人办理入住</translation>
    </message>
    <message>
        <source>Enter the details exactly as on the guest&apos;s ID document.</source>
        <translation>请严格按照客人证件上的信息填写。</translation>
    </message>
    <message>
        <source>This document expired on %1: ask the guest for a valid one.</source>
        <translation>该证件已于 %1 过期：请客人出示有效证件。</translation>
    </message>
</context>
<context>
    <name>GuestScreen</name>
    <message>
        <source>How should we confirm it is you during your stay?</source>
        <translation>入住期间，我们如何确认是您本人？</translation>
    </message>
    <message>
        <source>Both ways give you the same service. You can change your mind at any time.</source>
        <translation>两种方式享受相同的服务。您可以随时改变主意。</translation>
    </message>
    <message>
        <source>Verify with my face</source>
        <translation>用我的人脸验证</translation>
    </message>
    <message>
        <source>This computer keeps a face template, not a photo, until you check out.</source>
        <translation>本电脑只保存人脸模板（不是照片），保存到您离店为止。</translation>
    </message>
    <message>
        <source>Check my ID document instead</source>
        <translation>改为查验我的证件</translation>
    </message>
    <message>
        <source>Staff look at your ID document whenever it is needed.</source>
        <translation>需要时由工作人员查看您的证件。</translation>
    </message>
    <message>
        <source>Before you decide: how your face data is used</source>
        <translation>请在决定前了解：您的人脸数据如何使用</translation>
    </message>
    <message>
        <source>I agree to face verification as described above.</source>
        <translation>我同意按上述说明进行人脸验证。</translation>
    </message>
    <message>
        <source>Type your full name to confirm:</source>
        <translation>请输入您的全名以确认：</translation>
    </message>
    <message>
        <source>Sign instead</source>
        <translation>改为手写签名</translation>
    </message>
    <message>
        <source>Type my name instead</source>
        <translation>改为输入姓名</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Agree and continue</source>
        <translation>同意并继续</translation>
    </message>
    <message>
        <source>No thanks, check my ID document</source>
        <translation>不用了，查验我的证件</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>请看向摄像头</translation>
    </message>
    <message>
        <source>Hold still, that looks good.</source>
        <translation>请保持不动，很好。</translation>
    </message>
    <message>
        <source>Thank you, saving...</source>
        <translation>谢谢，正在保存…</translation>
    </message>
    <message>
        <source>The camera is not available. You can use your ID document instead.</source>
        <translation>摄像头不可用。您可以改用证件核验。</translation>
    </message>
    <message>
        <source>The camera stopped. Reconnecting... You can use your ID document instead.</source>
        <translation>摄像头已停止，正在重新连接…您可以改用证件核验。</translation>
    </message>
    <message>
        <source>Stop, check my ID document instead</source>
        <translation>停止，改为查验我的证件</translation>
    </message>
    <message>
        <source>No thanks, I will use my PIN</source>
        <translation>不用了，我用 PIN 码</translation>
    </message>
    <message>
        <source>Stop, I will use my PIN instead</source>
        <translation>停止，我改用 PIN 码</translation>
    </message>
    <message>
        <source>All done. Here is your receipt.</source>
        <translation>已完成。这是您的回执。</translation>
    </message>
    <message>
        <source>Your withdrawal code</source>
        <translation>您的撤回码</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>打印告知书</translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation>将告知书保存为 PDF</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>A parent or guardian decides for %1</source>
        <translation>由父母或监护人为 %1 作决定</translation>
    </message>
    <message>
        <source>Children under 14 can use face verification only if a parent or guardian who is here agrees. The parent or guardian reads the notice next and confirms with their own name.</source>
        <translation>未满 14 周岁的儿童，只有在场的父母或监护人同意后才能使用人脸核验。接下来由父母或监护人阅读告知，并以本人姓名确认。</translation>
    </message>
    <message>
        <source>Who gives consent?</source>
        <translation>由谁表示同意？</translation>
    </message>
    <message>
        <source>Choose who gives consent for the child.</source>
        <translation>请选择为儿童表示同意的人。</translation>
    </message>
    <message>
        <source>Another adult who is here</source>
        <translation>在场的其他成年人</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Relation to the child</source>
        <translation>与儿童的关系</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母 / 外祖父母</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>法定监护人</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <source>Continue to the notice</source>
        <translation>继续阅读告知</translation>
    </message>
    <message>
        <source>Parent or guardian, type your full name to confirm:</source>
        <translation>请父母或监护人输入本人姓名以确认：</translation>
    </message>
</context>
<context>
    <name>GuestSlot</name>
    <message>
        <source>‹ Back to the desk (Esc)</source>
        <translation>‹ 返回前台（Esc）</translation>
    </message>
    <message>
        <source>Stop this check-in and go back to the desk</source>
        <translation>停止本次入住办理并返回前台</translation>
    </message>
    <message>
        <source>The guest is using the guest screen.</source>
        <translation>客人正在使用客人屏幕。</translation>
    </message>
    <message>
        <source>Stop and check the ID document instead</source>
        <translation>停止并改为查验证件</translation>
    </message>
    <message>
        <source>FaceDesk guest screen</source>
        <translation>FaceDesk 客人屏幕</translation>
    </message>
</context>
<context>
    <name>IdentityFields</name>
    <message>
        <source>Name as on the ID document</source>
        <translation>证件上的姓名</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD（年-月-日）</translation>
    </message>
    <message>
        <source>Filled in by itself from a resident ID number.</source>
        <translation>填写居民身份证号码后自动填入。</translation>
    </message>
    <message>
        <source>Machine-readable zone: %1 of %2 lines read</source>
        <translation>机读区：已读取 %1/%2 行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Write the date of birth as YYYY-MM-DD, for example 1988-06-15.</source>
        <translation>出生日期请按 YYYY-MM-DD 格式填写，例如 1988-06-15。</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Record an incident</source>
        <translation>登记安全事件</translation>
    </message>
    <message>
        <source>When it was discovered</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>When it began</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>When it ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>Why it happened</source>
        <translation>发生原因</translation>
    </message>
    <message>
        <source>What harm it could do to the people affected</source>
        <translation>可能对相关个人造成的危害</translation>
    </message>
    <message>
        <source>What was done, and what will be done</source>
        <translation>已采取和将采取的措施</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Began</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Data involved</source>
        <translation>涉及的信息</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Possible harm</source>
        <translation>可能的危害</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>补救措施</translation>
    </message>
    <message>
        <source>Record the incident</source>
        <translation>登记该事件</translation>
    </message>
    <message>
        <source>Times are at the desk. The letters and the report quote what you write here, so write it for the people affected.</source>
        <translation>时间为前台所在地时间。告知书和报告会引用您在此填写的内容，请以相关个人能理解的方式填写。</translation>
    </message>
</context>
<context>
    <name>Incidents</name>
    <message>
        <source>Face templates</source>
        <translation>人脸特征值</translation>
    </message>
    <message>
        <source>Names, ID document numbers and birth dates</source>
        <translation>姓名、证件号码和出生日期</translation>
    </message>
    <message>
        <source>Stays (rooms and dates)</source>
        <translation>住宿记录（房号和日期）</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Staff clock-in records</source>
        <translation>员工打卡记录</translation>
    </message>
    <message>
        <source>Face data</source>
        <translation>人脸数据</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>住宿记录</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Clock-ins</source>
        <translation>打卡记录</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Record an incident…</source>
        <translation>登记安全事件…</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>安全事件</translation>
    </message>
    <message>
        <source>People affected</source>
        <translation>受影响的人</translation>
    </message>
    <message>
        <source>Save the letters as PDF…</source>
        <translation>将告知书保存为 PDF…</translation>
    </message>
    <message>
        <source>Save the report for the authority as PDF…</source>
        <translation>将报送主管部门的报告保存为 PDF…</translation>
    </message>
    <message>
        <source>The people were notified</source>
        <translation>已告知相关个人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Record anything that may have exposed, changed or lost personal data: a lost or stolen computer, records seen by someone who should not see them, a backup copied away. Recording one pauses face enrolment until the impact assessment is done again.</source>
        <translation>登记任何可能导致个人信息泄露、篡改或丢失的事件：电脑丢失或被盗、记录被无权人员看到、备份被拷走等。登记后人脸采集将暂停，直到重新完成影响评估。</translation>
    </message>
    <message>
        <source>Incident %1 is recorded. Face enrolment is paused until the impact assessment is done again.</source>
        <translation>事件 %1 已登记。在重新完成影响评估之前，人脸采集已暂停。</translation>
    </message>
    <message>
        <source>People affected: select an incident.</source>
        <translation>受影响的人：请选择一个事件。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Person %1 (personal data deleted since)</source>
        <translation>人员 %1（个人信息已删除）</translation>
    </message>
    <message>
        <source>%1, ID document ending %2</source>
        <translation>%1，证件尾号 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a person: the kinds of data</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>People affected by incident %1: %2</source>
        <translation>事件 %1 的受影响人数：%2</translation>
    </message>
    <message>
        <source>Recorded: the people affected were notified.</source>
        <translation>已记录：已告知受影响的人。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
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
        <source>Keep the key in this computer&apos;s keyring</source>
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
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
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
        <translation>
            <numerusform>口令至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>FaceDesk staff entry</source>
        <translation>FaceDesk 员工打卡</translation>
    </message>
    <message>
        <source>Staff entry</source>
        <translation>员工打卡</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>摄像头画面</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>选择您的姓名</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的 PIN 码</translation>
    </message>
    <message>
        <source>Clock in or out</source>
        <translation>打卡</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Use PIN</source>
        <translation>使用 PIN 码</translation>
    </message>
    <message>
        <source>End staff entry</source>
        <translation>结束员工打卡</translation>
    </message>
    <message>
        <source>End staff entry (manager)</source>
        <translation>结束员工打卡（经理）</translation>
    </message>
    <message>
        <source>Face entry is off here. Everyone uses their PIN.</source>
        <translation>此处未启用刷脸打卡，请大家使用 PIN 码。</translation>
    </message>
    <message>
        <source>The camera is not available. Please use your PIN.</source>
        <translation>摄像头不可用，请使用 PIN 码。</translation>
    </message>
    <message>
        <source>The camera stopped. Reconnecting... Please use your PIN.</source>
        <translation>摄像头已停止，正在重新连接……请使用 PIN 码。</translation>
    </message>
    <message>
        <source>Face entry stopped (%1). Please use your PIN.</source>
        <translation>刷脸打卡已停止（%1），请使用 PIN 码。</translation>
    </message>
    <message>
        <source>Look at the camera to clock in or out.</source>
        <translation>请看向摄像头打卡。</translation>
    </message>
    <message>
        <source>This shows it is really you, not a photo.</source>
        <translation>这样可以确认是您本人，而不是照片。</translation>
    </message>
    <message>
        <source>Turn %1 of %2. Face the camera again after each turn.</source>
        <translation>第 %1 次，共 %2 次。每次转头后请重新面向摄像头。</translation>
    </message>
    <message>
        <source>Sorry, we could not recognise you.</source>
        <translation>抱歉，未能识别您。</translation>
    </message>
    <message>
        <source>Please use your PIN.</source>
        <translation>请使用 PIN 码。</translation>
    </message>
    <message>
        <source>We could not confirm it is you.</source>
        <translation>未能确认是您本人。</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <source>Tap “Use PIN” to clock in or out.</source>
        <translation>点击“使用 PIN 码”打卡。</translation>
    </message>
    <message>
        <source>Or tap “Use PIN”. Both work the same.</source>
        <translation>也可以点击“使用 PIN 码”，两种方式效果相同。</translation>
    </message>
    <message>
        <source>Sorry, %1: you cannot come in now.</source>
        <translation>抱歉，%1：您现在不能进入。</translation>
    </message>
    <message>
        <source>%1 If this is wrong, please ask the manager.</source>
        <translation>%1如有误，请联系经理。</translation>
    </message>
    <message>
        <source>%1, you clocked in at %2.</source>
        <translation>%1，您已于 %2 上班打卡。</translation>
    </message>
    <message>
        <source>%1, you clocked out at %2.</source>
        <translation>%1，您已于 %2 下班打卡。</translation>
    </message>
    <message>
        <source>Nothing more to do.</source>
        <translation>无需其他操作。</translation>
    </message>
    <message>
        <source>Goodbye, %1: clocked out %2</source>
        <translation>再见，%1：%2 下班打卡</translation>
    </message>
    <message>
        <source>Good morning, %1: clocked in %2</source>
        <translation>早上好，%1：%2 上班打卡</translation>
    </message>
    <message>
        <source>Good afternoon, %1: clocked in %2</source>
        <translation>下午好，%1：%2 上班打卡</translation>
    </message>
    <message>
        <source>Good evening, %1: clocked in %2</source>
        <translation>晚上好，%1：%2 上班打卡</translation>
    </message>
    <message>
        <source>The door could not be opened. Please ask the manager.</source>
        <translation>无法开门，请联系经理。</translation>
    </message>
    <message>
        <source>Please turn your head slightly to your left.</source>
        <translation>请把头稍微转向您的左侧。</translation>
    </message>
    <message>
        <source>Please turn your head slightly to your right.</source>
        <translation>请把头稍微转向您的右侧。</translation>
    </message>
    <message>
        <source>Please turn your head slightly to one side.</source>
        <translation>请把头稍微转向一侧。</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language / 语言</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <source>Choose the language of the desk. Guests can switch on their own screens.</source>
        <translation>请选择前台界面的语言。客人可在自己的屏幕上切换语言。</translation>
    </message>
    <message>
        <source>You can change it later under Settings.</source>
        <translation>以后可以在“设置”中更改。</translation>
    </message>
</context>
<context>
    <name>LastDayDialog</name>
    <message>
        <source>End employment</source>
        <translation>结束雇佣</translation>
    </message>
    <message>
        <source>Last working day</source>
        <translation>最后工作日</translation>
    </message>
    <message>
        <source>%1&apos;s face data is deleted at the end of the last working day. Attendance records stay.</source>
        <translation>%1 的人脸数据将在最后工作日结束时删除，考勤记录会保留。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Switch the language to %1</source>
        <translation>切换语言为 %1</translation>
    </message>
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
    <name>ManagerPasswordDialog</name>
    <message>
        <source>End staff entry</source>
        <translation>结束员工打卡</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only the manager who started the kiosk can end it.</source>
        <translation>只有启动打卡终端的经理才能结束它。</translation>
    </message>
</context>
<context>
    <name>ManualCheckStep</name>
    <message>
        <source>Check the ID document</source>
        <translation>查验证件</translation>
    </message>
    <message>
        <source>Photo matches: check in with the card</source>
        <translation>照片相符：以证件办理入住</translation>
    </message>
    <message>
        <source>Matches: check in</source>
        <translation>一致：办理入住</translation>
    </message>
    <message>
        <source>Does not match</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Back: not now</source>
        <translation>返回：暂不办理</translation>
    </message>
    <message>
        <source>Stop this check-in; the guest stays on today&apos;s arrivals</source>
        <translation>停止本次入住办理；客人仍在今日到店名单中</translation>
    </message>
    <message>
        <source>The guest asks for face verification</source>
        <translation>客人要求使用人脸核验</translation>
    </message>
    <message>
        <source>Compare the guest&apos;s ID document and its photo with these details. Only its type and last four characters are kept.</source>
        <translation>请将客人出示的证件及照片与以下信息核对。只保存证件类型和号码后四位。</translation>
    </message>
    <message>
        <source>%1: %2 ending %3</source>
        <translation>%1：%2，尾号 %3</translation>
    </message>
    <message>
        <source>Face capture did not work (%1). Check the ID document instead.</source>
        <translation>人脸采集未成功（%1）。请改为查验证件。</translation>
    </message>
    <message>
        <source>Face verification is switched off at this desk.</source>
        <translation>本前台已关闭人脸验证。</translation>
    </message>
    <message>
        <source>Face verification waits for an up-to-date impact assessment.</source>
        <translation>人脸验证需要先完成最新的影响评估。</translation>
    </message>
    <message>
        <source>For guests under 14 the ID document is checked.</source>
        <translation>未满 14 周岁的客人一律查验证件。</translation>
    </message>
    <message>
        <source>The guest chose the ID document check.</source>
        <translation>客人选择了查验证件。</translation>
    </message>
    <message>
        <source>The guest said no to face verification recently, so it is not offered. If they ask for it, it can be used.</source>
        <translation>客人最近拒绝过人脸核验，因此不再主动提供。如客人自己要求，仍可使用。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Enter the name as it is written on the ID document.</source>
        <translation>请按证件上的写法输入姓名。</translation>
    </message>
    <message>
        <source>A name cannot contain invisible characters.</source>
        <translation>姓名不能包含不可见字符。</translation>
    </message>
    <message>
        <source>A resident ID number has 17 digits followed by a digit or X.</source>
        <translation>居民身份证号码由 17 位数字加 1 位数字或 X 组成。</translation>
    </message>
    <message>
        <source>This resident ID number does not contain a valid date of birth.</source>
        <translation>此身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>This resident ID number is not valid: please check it for typing mistakes.</source>
        <translation>此身份证号码无效：请检查是否输错。</translation>
    </message>
    <message>
        <source>A residence permit number has 17 digits followed by a digit or X.</source>
        <translation>居住证号码由 17 位数字加 1 位数字或 X 组成。</translation>
    </message>
    <message>
        <source>This residence permit number does not contain a valid date of birth.</source>
        <translation>该居住证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>This residence permit number is not valid: please check it for typing mistakes.</source>
        <translation>该居住证号码无效：请检查是否输入有误。</translation>
    </message>
    <message>
        <source>A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or 830000.</source>
        <translation>港澳台居民居住证号码以 810000、820000 或 830000 开头。</translation>
    </message>
    <message>
        <source>A foreign permanent resident ID number has 18 digits starting with 9 (2023 card) or 3 letters and 12 digits (2017 card).</source>
        <translation>外国人永久居留身份证号码为以 9 开头的 18 位数字（2023 版），或 3 个字母加 12 位数字（2017 版）。</translation>
    </message>
    <message>
        <source>This permanent residence ID number does not contain a valid date of birth.</source>
        <translation>该永久居留身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>This permanent residence ID number is not valid: please check it for typing mistakes.</source>
        <translation>该永久居留身份证号码无效：请检查是否输入有误。</translation>
    </message>
    <message>
        <source>A Hong Kong and Macao permit number is H or M followed by 8 digits (10 on newer cards).</source>
        <translation>港澳居民来往内地通行证号码为 H 或 M 加 8 位数字（新版为 10 位）。</translation>
    </message>
    <message>
        <source>A Taiwan permit number has 8 digits (10 on older permits).</source>
        <translation>台湾居民来往大陆通行证号码为 8 位数字（旧版为 10 位）。</translation>
    </message>
    <message>
        <source>The date of birth does not match the one in the document number.</source>
        <translation>出生日期与证件号码中的出生日期不一致。</translation>
    </message>
    <message>
        <source>The machine-readable zone has a wrong check digit for the document number.</source>
        <translation>机读区中证件号码的校验位不正确。</translation>
    </message>
    <message>
        <source>The machine-readable zone has a wrong check digit for the date of birth.</source>
        <translation>机读区中出生日期的校验位不正确。</translation>
    </message>
    <message>
        <source>The machine-readable zone has a wrong check digit for the expiry date.</source>
        <translation>机读区中有效期的校验位不正确。</translation>
    </message>
    <message>
        <source>The machine-readable zone has a wrong check digit for the personal number.</source>
        <translation>机读区中个人号码的校验位不正确。</translation>
    </message>
    <message>
        <source>The machine-readable zone has a wrong final check digit: a character is misread somewhere.</source>
        <translation>机读区的总校验位不正确：有某个字符读错了。</translation>
    </message>
    <message>
        <source>This is not a complete machine-readable zone: a passport has 2 lines of 44 characters, an ID card 3 lines of 30.</source>
        <translation>这不是完整的机读区：护照为 2 行、每行 44 个字符，证件卡为 3 行、每行 30 个字符。</translation>
    </message>
    <message>
        <source>The machine-readable zone has an impossible date.</source>
        <translation>机读区中的日期不可能成立。</translation>
    </message>
    <message>
        <source>The card could not be read correctly: lay it on the reader again.</source>
        <translation>未能正确读取证件：请重新放到阅读器上。</translation>
    </message>
    <message>
        <source>This kind of card cannot be read here yet: enter its details by hand.</source>
        <translation>暂不支持读取此类证件：请手动输入证件信息。</translation>
    </message>
    <message>
        <source>The card&apos;s date of birth does not match its number: check the card by hand.</source>
        <translation>证件上的出生日期与其号码不一致：请人工查验证件。</translation>
    </message>
    <message>
        <source>This ID card has expired, so it cannot confirm who the guest is: check another valid document.</source>
        <translation>该证件已过期，不能用来确认客人身份：请查验其他有效证件。</translation>
    </message>
    <message>
        <source>The card on the reader is not the document registered for this guest: lay the guest&apos;s own card, or check their document by hand.</source>
        <translation>阅读器上的证件不是该客人登记的证件：请放上客人本人的证件，或人工查验其证件。</translation>
    </message>
    <message>
        <source>Enter the date of birth shown on the document.</source>
        <translation>请输入证件上的出生日期。</translation>
    </message>
    <message>
        <source>The date of birth does not match the one in the resident ID number.</source>
        <translation>出生日期与身份证号码中的不一致。</translation>
    </message>
    <message>
        <source>The date of birth is not possible.</source>
        <translation>出生日期不合理。</translation>
    </message>
    <message>
        <source>The departure date cannot be before the arrival date.</source>
        <translation>离店日期不能早于入住日期。</translation>
    </message>
    <message>
        <source>The departure date has already passed.</source>
        <translation>离店日期已过。</translation>
    </message>
    <message>
        <source>A stay can last at most one year.</source>
        <translation>一次入住最长一年。</translation>
    </message>
    <message>
        <source>Enter at least the last four characters of the document number.</source>
        <translation>请至少输入证件号码的后四位。</translation>
    </message>
    <message>
        <source>The document shown does not match the one registered for this stay.</source>
        <translation>所出示的证件与本次入住登记的证件不符。</translation>
    </message>
    <message>
        <source>This stay is already checked in.</source>
        <translation>本次入住已办理。</translation>
    </message>
    <message>
        <source>This stay is already checked out.</source>
        <translation>本次入住已离店。</translation>
    </message>
    <message>
        <source>The typed name must be the consenting person&apos;s own name.</source>
        <translation>输入的姓名必须是表示同意者本人的姓名。</translation>
    </message>
    <message>
        <source>Enter how the guardian is related to the child.</source>
        <translation>请填写监护人与儿童的关系。</translation>
    </message>
    <message>
        <source>Please sign with a finger or the pen: the signature is empty.</source>
        <translation>请用手指或触控笔签名：签名为空。</translation>
    </message>
    <message>
        <source>Please sign with a finger or the pen: the signature is too small.</source>
        <translation>请用手指或触控笔签名：签名太小。</translation>
    </message>
    <message>
        <source>The notice has changed since it was shown: please show it again.</source>
        <translation>告知内容在展示后已更新：请重新展示。</translation>
    </message>
    <message>
        <source>This person has already consented for this purpose.</source>
        <translation>此人已就该目的表示同意。</translation>
    </message>
    <message>
        <source>No consent has this withdrawal code: check it for typing mistakes.</source>
        <translation>没有与此撤回码对应的同意：请检查是否输错。</translation>
    </message>
    <message>
        <source>A withdrawal code has 8 letters and digits, like 7KQ2-MXW9.</source>
        <translation>撤回码由 8 位字母和数字组成，例如 7KQ2-MXW9。</translation>
    </message>
    <message>
        <source>This consent was already withdrawn or has ended; no face data is held under it.</source>
        <translation>此同意已撤回或已结束；没有据此保存的人脸数据。</translation>
    </message>
    <message>
        <source>No face data is held for this person: use the manual ID check.</source>
        <translation>未保存此人的人脸数据：请人工查验证件。</translation>
    </message>
    <message>
        <source>Face verification is not enabled: use the manual ID check.</source>
        <translation>未启用人脸验证：请人工查验证件。</translation>
    </message>
    <message>
        <source>The consent was withdrawn: nothing was stored.</source>
        <translation>同意已撤回：未保存任何数据。</translation>
    </message>
    <message>
        <source>The face encoder process stopped; it will be restarted.</source>
        <translation>人脸编码进程已停止，将自动重启。</translation>
    </message>
    <message>
        <source>That user name is already taken; choose another.</source>
        <translation>该用户名已被使用，请换一个。</translation>
    </message>
    <message>
        <source>A refusal needs a reason the person can understand.</source>
        <translation>拒绝请求时需要写明当事人能理解的理由。</translation>
    </message>
    <message>
        <source>This request is already closed.</source>
        <translation>该请求已经结束。</translation>
    </message>
    <message>
        <source>A deletion request is answered by deleting the data: use Answer.</source>
        <translation>删除请求应通过删除数据来答复：请使用“答复”。</translation>
    </message>
    <message>
        <source>This request asks for something else; answer it with its own button.</source>
        <translation>该请求要求的是其他事项，请用对应的按钮答复。</translation>
    </message>
    <message>
        <source>Staff records are employment and payroll records the employer must keep. Withdraw the staff member&apos;s face data on the Withdraw page, and refuse this request with that reason.</source>
        <translation>员工记录属于用人单位必须保存的劳动和工资记录。请在“撤回”页面撤回该员工的人脸数据，并以此理由拒绝本请求。</translation>
    </message>
    <message>
        <source>The incident cannot end before it began.</source>
        <translation>事件的结束时间不能早于开始时间。</translation>
    </message>
    <message>
        <source>Choose which kinds of data the incident involved.</source>
        <translation>请选择该事件涉及的信息种类。</translation>
    </message>
    <message>
        <source>Describe what happened.</source>
        <translation>请描述事件经过。</translation>
    </message>
    <message>
        <source>Describe why it happened.</source>
        <translation>请描述发生原因。</translation>
    </message>
    <message>
        <source>Describe the harm it could do to the people affected.</source>
        <translation>请描述可能对相关个人造成的危害。</translation>
    </message>
    <message>
        <source>Describe what was done, and what will be done.</source>
        <translation>请描述已采取和将采取的措施。</translation>
    </message>
    <message>
        <source>A relay channel is a number from 1 to 8.</source>
        <translation>继电器路号是 1 到 8 之间的数字。</translation>
    </message>
    <message>
        <source>Enter the bytes as hexadecimal pairs, for example A0 01 01 A2.</source>
        <translation>请以两位十六进制数输入字节，例如 A0 01 01 A2。</translation>
    </message>
    <message>
        <source>A relay command has at most 32 bytes.</source>
        <translation>一条继电器命令最多 32 个字节。</translation>
    </message>
    <message>
        <source>The bytes that open the door must differ from the bytes that lock it.</source>
        <translation>开门字节必须与上锁字节不同。</translation>
    </message>
    <message>
        <source>Days are Monday to Sunday.</source>
        <translation>通行日为周一至周日。</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>请至少选择一天。</translation>
    </message>
    <message>
        <source>Temporary access must end on or after the day it starts.</source>
        <translation>临时通行的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>A PIN is made of digits only.</source>
        <translation>PIN 码只能由数字组成。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>PIN 码为 4 到 8 位数字。</translation>
    </message>
    <message>
        <source>Choose a PIN that is harder to guess than a repeated digit or a run like 1234.</source>
        <translation>请选择更难猜的 PIN 码，不要用重复数字或 1234 这样的连续数字。</translation>
    </message>
    <message>
        <source>No PIN is set for this name yet: ask the manager to set one.</source>
        <translation>此姓名尚未设置 PIN 码，请让经理设置。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the PIN works again in 15 minutes, or ask the manager.</source>
        <translation>PIN 码错误次数过多：15 分钟后可再次使用，或请联系经理。</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>PIN 码不正确，请重试。</translation>
    </message>
    <message>
        <source>There is no such staff member.</source>
        <translation>没有这名员工。</translation>
    </message>
    <message>
        <source>The kiosk session has ended.</source>
        <translation>打卡终端已结束。</translation>
    </message>
    <message>
        <source>Face entry is not in use: staff clock in with their PIN.</source>
        <translation>未启用刷脸打卡：员工请使用 PIN 码打卡。</translation>
    </message>
    <message>
        <source>A corrected time cannot be in the future.</source>
        <translation>更正后的时间不能晚于现在。</translation>
    </message>
    <message>
        <source>This event was already corrected.</source>
        <translation>这条记录已经更正过。</translation>
    </message>
    <message>
        <source>There is no such clock event.</source>
        <translation>没有这条打卡记录。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose at most three years at a time.</source>
        <translation>一次最多选择三年。</translation>
    </message>
    <message>
        <source>This document is on file under another name: check the document, or have a manager correct the record.</source>
        <translation>此证件已以另一个姓名登记：请核对证件，或请经理更正记录。</translation>
    </message>
    <message>
        <source>This guest&apos;s registration is incomplete: register the guest again.</source>
        <translation>此客人的登记不完整：请重新登记客人。</translation>
    </message>
    <message>
        <source>No face data was captured for this stay: use the manual ID check.</source>
        <translation>此次入住没有采集人脸数据：请人工查验证件。</translation>
    </message>
    <message>
        <source>Face recognition is not enabled for this purpose: use the manual ID check.</source>
        <translation>此用途未启用人脸识别：请人工查验证件。</translation>
    </message>
    <message>
        <source>Face recognition is not enabled for this purpose.</source>
        <translation>此用途未启用人脸识别。</translation>
    </message>
    <message>
        <source>The guest declined face verification for this stay; it is not offered again (manual ID check).</source>
        <translation>客人已拒绝本次入住的人脸核验，不会再次提供（人工查验证件）。</translation>
    </message>
    <message>
        <source>Face verification is not offered to children under 14: use the manual ID check.</source>
        <translation>不向未满14周岁的儿童提供人脸核验：请人工查验证件。</translation>
    </message>
    <message>
        <source>For a child under 14 a parent or guardian must give consent.</source>
        <translation>未满14周岁的儿童须由父母或其他监护人同意。</translation>
    </message>
    <message>
        <source>Only a child under 14 needs a guardian&apos;s consent: the guest consents.</source>
        <translation>只有未满14周岁的儿童需要监护人同意：此客人本人同意即可。</translation>
    </message>
    <message>
        <source>There is no live consent to renew.</source>
        <translation>没有可续期的有效同意。</translation>
    </message>
    <message>
        <source>No ID document is registered for this guest: have a manager correct the record.</source>
        <translation>此客人没有登记证件：请经理更正记录。</translation>
    </message>
    <message>
        <source>No impact assessment is recorded yet: an administrator records one under Compliance first.</source>
        <translation>尚未记录影响评估：请管理员先在“合规”中记录。</translation>
    </message>
    <message>
        <source>Not enough good pictures yet: keep looking at the camera.</source>
        <translation>合格的画面还不够：请继续看向摄像头。</translation>
    </message>
    <message>
        <source>There is no consent to the current notice: show the notice and ask for consent first.</source>
        <translation>没有对当前告知书的同意：请先展示告知书并征求同意。</translation>
    </message>
    <message>
        <source>This filing was already recorded as submitted.</source>
        <translation>此备案已记录为已提交。</translation>
    </message>
    <message>
        <source>Face verification was not held back for this guest.</source>
        <translation>此客人的人脸核验并未暂缓。</translation>
    </message>
    <message>
        <source>Face verification cannot be offered now: check the ID document.</source>
        <translation>现在无法提供人脸核验：请查验证件。</translation>
    </message>
    <message>
        <source>No new notice is waiting for an answer.</source>
        <translation>没有等待答复的新告知书。</translation>
    </message>
    <message>
        <source>This person has no stay to check a document against.</source>
        <translation>此人没有可用于核对证件的入住记录。</translation>
    </message>
    <message>
        <source>This check-in step is not available now.</source>
        <translation>此入住步骤现在不可用。</translation>
    </message>
    <message>
        <source>This verification step is not available now.</source>
        <translation>此核验步骤现在不可用。</translation>
    </message>
    <message>
        <source>This kiosk step is not available now.</source>
        <translation>此打卡终端步骤现在不可用。</translation>
    </message>
    <message>
        <source>This face-entry step is not available now.</source>
        <translation>此刷脸打卡步骤现在不可用。</translation>
    </message>
    <message>
        <source>The current password is wrong; the password was not changed.</source>
        <translation>当前密码不正确；密码未更改。</translation>
    </message>
    <message>
        <source>There is no such operator.</source>
        <translation>没有这个操作员。</translation>
    </message>
    <message>
        <source>Enter who carried out the assessment.</source>
        <translation>请输入评估人。</translation>
    </message>
    <message>
        <source>Enter the business name shown to guests on notices and signs.</source>
        <translation>请输入在告知书和标识上向客人显示的商户名称。</translation>
    </message>
    <message>
        <source>Enter a contact (phone, e-mail or address) guests can use for their rights.</source>
        <translation>请输入客人行使权利时可用的联系方式（电话、电子邮件或地址）。</translation>
    </message>
    <message>
        <source>A person with this document is already on file.</source>
        <translation>持此证件的人员已在档。</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again.</source>
        <translation>您的会话已结束：请重新登录。</translation>
    </message>
    <message>
        <source>This account is no longer active: sign in again.</source>
        <translation>此账户已停用：请重新登录。</translation>
    </message>
    <message>
        <source>The database passphrase cannot start or end with a space.</source>
        <translation>数据库口令的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>This recovery code does not unlock this installation; check it for typing mistakes.</source>
        <translation>此恢复码无法解锁本安装；请检查是否输错。</translation>
    </message>
    <message>
        <source>Wrong passphrase: the database was not opened and nothing was changed.</source>
        <translation>口令错误：数据库未打开，未做任何更改。</translation>
    </message>
    <message>
        <source>A machine-readable zone has only capital letters, digits and &lt;.</source>
        <translation>机读区只包含大写字母、数字和 &lt;。</translation>
    </message>
    <message>
        <source>There is no such person.</source>
        <translation>没有这个人员。</translation>
    </message>
    <message>
        <source>There is no such request.</source>
        <translation>没有这个请求。</translation>
    </message>
    <message>
        <source>There is no such stay.</source>
        <translation>没有这次入住。</translation>
    </message>
    <message>
        <source>There is no such consent.</source>
        <translation>没有这项同意。</translation>
    </message>
    <message>
        <source>There is no such incident.</source>
        <translation>没有这个安全事件。</translation>
    </message>
    <message>
        <source>There is no such filing.</source>
        <translation>没有这个备案。</translation>
    </message>
    <message>
        <source>Only a deletion request for a person on file deletes personal data.</source>
        <translation>只有针对在档人员的删除请求才会删除个人信息。</translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation>姓名最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Enter a room of 1 to %1 characters.</source>
        <translation>请输入 1 到 %1 个字符的房间号。</translation>
    </message>
    <message>
        <source>A document number has %1 to %2 letters and digits.</source>
        <translation>证件号码由 %1 到 %2 个字母和数字组成。</translation>
    </message>
    <message>
        <source>Enter the %1.</source>
        <translation>请输入%1。</translation>
    </message>
    <message>
        <source>The %1 has at most %2 characters.</source>
        <translation>%1最多 %2 个字符。</translation>
    </message>
    <message>
        <source>The %1 cannot contain invisible or control characters.</source>
        <translation>%1不能包含不可见字符或控制字符。</translation>
    </message>
    <message>
        <source>The database passphrase needs at least %1 characters.</source>
        <translation>数据库口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A recovery code has %1 letters and digits in %2 groups of %3, like ABCDE-12345-FGHJK-67890-MNPQR-STVWX.</source>
        <translation>恢复码由 %1 个字母和数字组成，分为 %2 组，每组 %3 个，例如 ABCDE-12345-FGHJK-67890-MNPQR-STVWX。</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow this; ask a manager or an administrator.</source>
        <translation>您的角色（%1）无权执行此操作；请联系经理或管理员。</translation>
    </message>
    <message>
        <source>Business name and contact need 1 to %1 characters.</source>
        <translation>商户名称和联系方式需要 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>Describe the %1 in at least %2 characters.</source>
        <translation>请用至少 %2 个字符说明%1。</translation>
    </message>
    <message>
        <source>Camera %1 could not be opened: check it is plugged in and not in use by another program.</source>
        <translation>无法打开摄像头 %1：请检查是否已插好，且没有被其他程序占用。</translation>
    </message>
    <message>
        <source>Camera %1 stopped sending pictures; it may have been unplugged.</source>
        <translation>摄像头 %1 停止发送画面；可能已被拔出。</translation>
    </message>
    <message>
        <source>business name</source>
        <translation>商户名称</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>lawfulness and necessity</source>
        <translation>合法性与必要性</translation>
    </message>
    <message>
        <source>impact on individuals and mitigations</source>
        <translation>对个人的影响及减轻措施</translation>
    </message>
    <message>
        <source>risks of leak, tampering or loss</source>
        <translation>泄露、篡改或丢失的风险</translation>
    </message>
    <message>
        <source>proportionality of safeguards</source>
        <translation>保护措施是否相称</translation>
    </message>
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
        <source>The disk is full. Nothing was saved and nothing was lost.</source>
        <translation>磁盘已满。未保存任何内容，也没有丢失任何数据。</translation>
    </message>
    <message>
        <source>FaceDesk cannot write to its data folder. Nothing was lost.</source>
        <translation>FaceDesk 无法写入其数据文件夹。没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The database is an older copy than this installation&apos;s own record. It was not changed: put the current database back, or ask the owner to restore the newest backup.</source>
        <translation>数据库是比本系统自身记录更旧的副本。数据库未被改动：请放回当前的数据库，或请店主恢复最新的备份。</translation>
    </message>
    <message>
        <source>The database is damaged. It was not changed: ask the owner to restore the newest backup.</source>
        <translation>数据库已损坏。数据库未被改动：请店主恢复最新的备份。</translation>
    </message>
    <message>
        <source>The key file belongs to another installation. Nothing was changed.</source>
        <translation>密钥文件属于另一套安装。未做任何改动。</translation>
    </message>
    <message>
        <source>The key file is damaged. Nothing was changed: copy it back from the newest backup.</source>
        <translation>密钥文件已损坏。未做任何改动：请从最新的备份中复制回来。</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Hong Kong and Macao permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Taiwan permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Hong Kong, Macao or Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
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
        <source>A random sequence of head turns, each in its own time</source>
        <translation>随机顺序的几次转头，每次都有时间限制</translation>
    </message>
    <message>
        <source>Turn the head slightly, to either side</source>
        <translation>把头稍微转向任意一侧</translation>
    </message>
    <message>
        <source>Turn the head to the side the kiosk names (chosen at random)</source>
        <translation>按终端提示的方向转头（方向随机）</translation>
    </message>
    <message>
        <source>USB relay (LCUS type, A0 01 01 A2)</source>
        <translation>USB 继电器（LCUS 型，A0 01 01 A2）</translation>
    </message>
    <message>
        <source>USB relay (LCUS type) that reports its state</source>
        <translation>可回报状态的 USB 继电器（LCUS 型）</translation>
    </message>
    <message>
        <source>Other board: the bytes below</source>
        <translation>其他型号：使用下方字节</translation>
    </message>
    <message>
        <source>Stays locked (electric strike, fail-secure)</source>
        <translation>保持锁闭（电插锁/电锁口，断电上锁）</translation>
    </message>
    <message>
        <source>Opens (magnetic lock, fail-safe)</source>
        <translation>自动打开（磁力锁，断电开锁）</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Monday to Saturday</source>
        <translation>周一至周六</translation>
    </message>
    <message>
        <source>Monday to Friday</source>
        <translation>周一至周五</translation>
    </message>
    <message>
        <source>Database created</source>
        <translation>数据库已创建</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>数据库已升级</translation>
    </message>
    <message>
        <source>Setup completed</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <source>Key recovered with the recovery code</source>
        <translation>已用恢复码恢复密钥</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>口令已更改</translation>
    </message>
    <message>
        <source>Operator account created</source>
        <translation>已创建操作员账户</translation>
    </message>
    <message>
        <source>Operator account locked</source>
        <translation>操作员账户已锁定</translation>
    </message>
    <message>
        <source>Operator account unlocked</source>
        <translation>操作员账户已解锁</translation>
    </message>
    <message>
        <source>Operator password changed</source>
        <translation>操作员密码已更改</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Sign-in refused (account locked)</source>
        <translation>拒绝登录（账户已锁定）</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation>安全警报</translation>
    </message>
    <message>
        <source>Business profile changed</source>
        <translation>商户信息已更改</translation>
    </message>
    <message>
        <source>Impact assessment recorded</source>
        <translation>已记录影响评估</translation>
    </message>
    <message>
        <source>Guest registered</source>
        <translation>客人已登记</translation>
    </message>
    <message>
        <source>Face verification declined</source>
        <translation>已拒绝人脸验证</translation>
    </message>
    <message>
        <source>Check-in completed</source>
        <translation>入住办理完成</translation>
    </message>
    <message>
        <source>Guest checked out</source>
        <translation>客人已离店</translation>
    </message>
    <message>
        <source>Departure date changed</source>
        <translation>离店日期已更改</translation>
    </message>
    <message>
        <source>Room changed</source>
        <translation>已换房</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>已给予同意</translation>
    </message>
    <message>
        <source>Consent renewed</source>
        <translation>已重新同意</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>已撤回同意</translation>
    </message>
    <message>
        <source>Consent ended (retention)</source>
        <translation>同意已结束（保存期限）</translation>
    </message>
    <message>
        <source>Face templates stored</source>
        <translation>已保存人脸模板</translation>
    </message>
    <message>
        <source>Face capture stopped, nothing kept</source>
        <translation>人脸采集已停止，未保存任何数据</translation>
    </message>
    <message>
        <source>Face verification</source>
        <translation>人脸验证</translation>
    </message>
    <message>
        <source>ID document check</source>
        <translation>证件查验</translation>
    </message>
    <message>
        <source>Retention job ran</source>
        <translation>已执行保存期限任务</translation>
    </message>
    <message>
        <source>Staff member registered</source>
        <translation>已登记员工</translation>
    </message>
    <message>
        <source>Employment ended</source>
        <translation>雇佣关系已结束</translation>
    </message>
    <message>
        <source>Staff PIN set</source>
        <translation>已设置员工 PIN 码</translation>
    </message>
    <message>
        <source>Staff PIN paused after wrong attempts</source>
        <translation>员工 PIN 码因多次错误暂停使用</translation>
    </message>
    <message>
        <source>Staff entry kiosk started</source>
        <translation>员工打卡终端已启动</translation>
    </message>
    <message>
        <source>Staff entry kiosk ended</source>
        <translation>员工打卡终端已结束</translation>
    </message>
    <message>
        <source>Staff clocked in or out</source>
        <translation>员工打卡</translation>
    </message>
    <message>
        <source>Attendance corrected</source>
        <translation>考勤已更正</translation>
    </message>
    <message>
        <source>Attendance exported</source>
        <translation>考勤已导出</translation>
    </message>
    <message>
        <source>Door access changed</source>
        <translation>门禁权限已更改</translation>
    </message>
    <message>
        <source>Door opened from the desk</source>
        <translation>已从前台开门</translation>
    </message>
    <message>
        <source>Entry log exported</source>
        <translation>通行记录已导出</translation>
    </message>
    <message>
        <source>Sign generated</source>
        <translation>已生成提示标识</translation>
    </message>
    <message>
        <source>Impact assessment report generated</source>
        <translation>已生成影响评估报告</translation>
    </message>
    <message>
        <source>Filing data exported</source>
        <translation>已导出备案资料</translation>
    </message>
    <message>
        <source>Processing record kept for a month</source>
        <translation>已归档一个月的处理记录</translation>
    </message>
    <message>
        <source>Security alerts acknowledged</source>
        <translation>安全警报已标为已读</translation>
    </message>
    <message>
        <source>Encrypted backup taken</source>
        <translation>已生成加密备份</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>个人信息已导出</translation>
    </message>
    <message>
        <source>Personal data corrected</source>
        <translation>个人信息已更正</translation>
    </message>
    <message>
        <source>Name, ID document and birth date deleted</source>
        <translation>姓名、证件和出生日期已删除</translation>
    </message>
    <message>
        <source>Rights request opened</source>
        <translation>已收到权利请求</translation>
    </message>
    <message>
        <source>Rights request closed</source>
        <translation>权利请求已关闭</translation>
    </message>
    <message>
        <source>Incident recorded</source>
        <translation>已记录安全事件</translation>
    </message>
    <message>
        <source>Incident letters written</source>
        <translation>已生成事件告知书</translation>
    </message>
    <message>
        <source>Incident report for the authority written</source>
        <translation>已生成报送主管部门的事件报告</translation>
    </message>
    <message>
        <source>People affected by an incident notified</source>
        <translation>已告知受事件影响的人</translation>
    </message>
    <message>
        <source>Filing milestone reached</source>
        <translation>达到备案里程碑</translation>
    </message>
    <message>
        <source>A change or cancellation filing is owed</source>
        <translation>须办理变更或注销备案</translation>
    </message>
    <message>
        <source>Filing recorded as submitted</source>
        <translation>已记录备案办理</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Search by name, room or withdrawal code</source>
        <translation>按姓名、房间号或撤回码搜索</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>搜索人员</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Face data held</source>
        <translation>存有人脸数据</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>已撤回同意</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客人</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>PeopleSearch</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>%1 号房</translation>
    </message>
    <message>
        <source>no stay</source>
        <translation>无入住</translation>
    </message>
    <message>
        <source>face data held</source>
        <translation>存有人脸数据</translation>
    </message>
    <message>
        <source>no face data</source>
        <translation>无人脸数据</translation>
    </message>
</context>
<context>
    <name>PiaDialog</name>
    <message>
        <source>Impact assessment</source>
        <translation>个人信息保护影响评估</translation>
    </message>
    <message>
        <source>Answer each question for how FaceDesk is used here. The record is kept for three years.</source>
        <translation>请按本店使用 FaceDesk 的实际情况回答每个问题。本记录保存三年。</translation>
    </message>
</context>
<context>
    <name>PiaForm</name>
    <message>
        <source>Assessed by</source>
        <translation>评估人</translation>
    </message>
    <message>
        <source>Is it lawful and necessary?</source>
        <translation>是否合法、必要？</translation>
    </message>
    <message>
        <source>The purpose, and why face verification is needed for it.</source>
        <translation>目的是什么，以及为什么需要人脸验证。</translation>
    </message>
    <message>
        <source>Impact on people, and how it is reduced</source>
        <translation>对个人的影响及减轻措施</translation>
    </message>
    <message>
        <source>Who is affected, and the safeguards for them.</source>
        <translation>哪些人受影响，以及对他们的保护措施。</translation>
    </message>
    <message>
        <source>Risks of leak, tampering or loss</source>
        <translation>泄露、篡改或丢失的风险</translation>
    </message>
    <message>
        <source>What could go wrong with the data, and how it is prevented.</source>
        <translation>数据可能出现哪些问题，以及如何防范。</translation>
    </message>
    <message>
        <source>Are the safeguards proportionate?</source>
        <translation>保护措施是否与风险相称？</translation>
    </message>
    <message>
        <source>Why these measures fit the risks.</source>
        <translation>为什么这些措施与风险相称。</translation>
    </message>
    <message>
        <source>Enter who carried out the assessment.</source>
        <translation>请填写评估人。</translation>
    </message>
    <message>
        <source>Answer &quot;%1&quot; in at least %2 characters.</source>
        <translation>请用至少 %2 个字回答“%1”。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <source>A PIN for %1: 4 to 8 digits, not a run like 1234.</source>
        <translation>为 %1 设置 PIN 码：4 到 8 位数字，不要用 1234 这样的连续数字。</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>Camera picture</source>
        <translation>摄像头画面</translation>
    </message>
</context>
<context>
    <name>ProgressRing</name>
    <message>
        <source>Capture progress</source>
        <translation>采集进度</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>PurposesBox</name>
    <message>
        <source>Face recognition is used for</source>
        <translation>人脸识别用于</translation>
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
        <source>Save purposes</source>
        <translation>保存用途</translation>
    </message>
    <message>
        <source>Switching a purpose off deletes the face data held for it at once. The ID check stays.</source>
        <translation>关闭某项用途会立即删除为该用途保存的人脸数据。查验证件照常可用。</translation>
    </message>
    <message>
        <source>Switching this off deletes the face data of one person now. They are verified with their ID document from then on. Continue?</source>
        <translation>关闭后将立即删除 1 人的人脸数据，此后改为查验其证件。是否继续？</translation>
    </message>
    <message>
        <source>Switching this off deletes the face data of %1 people now. They are verified with their ID document from then on. Continue?</source>
        <translation>关闭后将立即删除 %1 人的人脸数据，此后改为查验其证件。是否继续？</translation>
    </message>
    <message>
        <source>Delete face data</source>
        <translation>删除人脸数据</translation>
    </message>
    <message>
        <source>Switch off and delete</source>
        <translation>关闭并删除</translation>
    </message>
    <message>
        <source>Saved. The Compliance page shows what the change needs next.</source>
        <translation>已保存。“合规”页面会说明此项更改接下来需要做什么。</translation>
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
    <message>
        <source>Please turn your head slightly to your left.</source>
        <translation>请把头稍微转向您的左侧。</translation>
    </message>
    <message>
        <source>Please turn your head slightly to your right.</source>
        <translation>请把头稍微转向您的右侧。</translation>
    </message>
    <message>
        <source>Turn %1 of %2. Face the camera again after each turn.</source>
        <translation>第 %1 次，共 %2 次。每次转头后请重新面向摄像头。</translation>
    </message>
</context>
<context>
    <name>ReconfirmationRound</name>
    <message>
        <source>%1 stays longer, and the notice they agreed to has changed since. Turn the screen to the guest: their face data stays only if they agree; otherwise it is deleted and their ID document is checked during the stay.</source>
        <translation>%1 延长了入住，而其同意的告知已经变更。请把屏幕转向客人：只有客人同意，人脸数据才会保留；否则将删除，入住期间改为查验证件。</translation>
    </message>
    <message>
        <source>%1 stays longer, and the notice %2 agreed to for them as parent or guardian has changed since. Turn the screen to %2: the child&apos;s face data stays only if they agree; otherwise it is deleted and the child&apos;s ID document is checked during the stay.</source>
        <translation>%1 延长了入住，而 %2 作为父母或监护人为其同意的告知已经变更。请把屏幕转向 %2：只有其同意，儿童的人脸数据才会保留；否则将删除，入住期间改为查验儿童的证件。</translation>
    </message>
    <message>
        <source>%1 types their full name to agree:</source>
        <translation>请 %1 输入本人姓名以表示同意：</translation>
    </message>
    <message>
        <source>%1 agreed: their face data stays until checkout.</source>
        <translation>%1 已同意：人脸数据保留至退房。</translation>
    </message>
    <message>
        <source>%1 did not agree: their face data was deleted; check their ID document.</source>
        <translation>%1 未同意：其人脸数据已删除，请查验其证件。</translation>
    </message>
    <message>
        <source>%1 did not answer: their face data still goes on the date they agreed to.</source>
        <translation>%1 未作答复：其人脸数据仍按其同意的日期删除。</translation>
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
        <source>Keep this sheet locked away from the FaceDesk computer. With this code, the command &apos;facedesk recover&apos; re-opens the encrypted data if the keyring entry or the passphrase is lost.</source>
        <translation>请将本页锁好保管，不要与 FaceDesk 电脑放在一起。如果钥匙串条目或口令丢失，可凭此恢复码通过命令“facedesk recover”重新打开加密数据。</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>The notice has changed</source>
        <translation>告知内容已更新</translation>
    </message>
    <message>
        <source>New notice</source>
        <translation>新的告知</translation>
    </message>
    <message>
        <source>Guest&apos;s full name</source>
        <translation>客人全名</translation>
    </message>
    <message>
        <source>Guest agrees</source>
        <translation>客人同意</translation>
    </message>
    <message>
        <source>Guest declines (delete face data)</source>
        <translation>客人不同意（删除人脸数据）</translation>
    </message>
    <message>
        <source>Ask the guest to read the new notice. Face verification continues only if they agree.</source>
        <translation>请客人阅读新的告知。只有客人同意后才会继续使用人脸验证。</translation>
    </message>
    <message>
        <source>Guest types their full name to agree:</source>
        <translation>客人输入全名表示同意：</translation>
    </message>
</context>
<context>
    <name>RightsPage</name>
    <message>
        <source>Name or room of the person asking</source>
        <translation>提出请求者的姓名或房号</translation>
    </message>
    <message>
        <source>What they ask for</source>
        <translation>请求内容</translation>
    </message>
    <message>
        <source>I checked their ID document in person</source>
        <translation>我已当面核验其身份证件</translation>
    </message>
    <message>
        <source>Register request</source>
        <translation>登记请求</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>新请求</translation>
    </message>
    <message>
        <source>They ask to:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Rights requests</source>
        <translation>权利请求</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>People may ask to see, copy or correct their data, to have it deleted, to withdraw consent, or for an explanation. Check their ID document in person, register the request, and answer it by the date shown.</source>
        <translation>个人可以要求查阅、复制或更正其信息，要求删除，撤回同意，或要求解释说明。请当面核验其身份证件，登记请求，并在所示日期前答复。</translation>
    </message>
    <message>
        <source>Save their data to a file…</source>
        <translation>将其信息保存为文件…</translation>
    </message>
    <message>
        <source>Correct the name…</source>
        <translation>更正姓名…</translation>
    </message>
    <message>
        <source>Delete their personal data…</source>
        <translation>删除其个人信息…</translation>
    </message>
    <message>
        <source>Delete their face data…</source>
        <translation>删除其人脸数据…</translation>
    </message>
    <message>
        <source>Mark as explained…</source>
        <translation>标记为已解释…</translation>
    </message>
    <message>
        <source>Request registered. Answer it by %1.</source>
        <translation>请求已登记。请在 %1 前答复。</translation>
    </message>
    <message>
        <source>Correct the name</source>
        <translation>更正姓名</translation>
    </message>
    <message>
        <source>The corrected full name, as on their ID document:</source>
        <translation>更正后的姓名（与证件一致）：</translation>
    </message>
    <message>
        <source>Delete the personal data of %1?</source>
        <translation>删除 %1 的个人信息？</translation>
    </message>
    <message>
        <source>Their data was saved to %1 and %2. Give them the files; the request is answered.</source>
        <translation>其信息已保存到 %1 和 %2。请将文件交给本人；请求已答复。</translation>
    </message>
    <message>
        <source>No face data is held for them.</source>
        <translation>未保存其任何人脸数据。</translation>
    </message>
    <message>
        <source>Their name, ID document number, birth date and stays are deleted now.</source>
        <translation>其姓名、证件号码、出生日期和住宿记录将立即删除。</translation>
    </message>
    <message>
        <source>The guest register must keep their registration (name, ID document, birth date, stays) until %1; it is deleted by itself that day.</source>
        <translation>旅客登记须保存其登记信息（姓名、证件、出生日期、住宿记录）至 %1，届时自动删除。</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <source>Deleted: their name, ID document number, birth date and stays. Backups that still hold them are deleted when the backup window ends.</source>
        <translation>已删除：其姓名、证件号码、出生日期和住宿记录。仍含这些信息的备份将在备份保存期结束时删除。</translation>
    </message>
    <message>
        <source>The guest register keeps their registration until %1; it is deleted by itself that day. Tell them that date.</source>
        <translation>旅客登记将保存其登记信息至 %1，届时自动删除。请将该日期告知本人。</translation>
    </message>
    <message>
        <source>Face templates deleted: %1.</source>
        <translation>已删除人脸模板：%1 个。</translation>
    </message>
    <message>
        <source>No face data was held.</source>
        <translation>未保存任何人脸数据。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Delete now</source>
        <translation>立即删除</translation>
    </message>
    <message>
        <source>Withdraw the consent of %1 and delete their face data?</source>
        <translation>撤回 %1 的同意并删除其人脸数据？</translation>
    </message>
    <message>
        <source>This cannot be undone. They can still use the ID check.</source>
        <translation>此操作无法撤销。其仍可使用证件核验。</translation>
    </message>
    <message>
        <source>Did you explain to %1 how their data is used?</source>
        <translation>您已向 %1 解释其信息的使用方式了吗？</translation>
    </message>
    <message>
        <source>The notice they agreed to says what is kept, why and for how long; you can print it for them.</source>
        <translation>其同意的告知书说明了保存哪些信息、目的和期限；可以为其打印。</translation>
    </message>
    <message>
        <source>Mark as answered</source>
        <translation>标记为已答复</translation>
    </message>
    <message>
        <source>The name was corrected; the request is answered.</source>
        <translation>姓名已更正；请求已答复。</translation>
    </message>
    <message>
        <source>Consent withdrawn; face templates deleted: %1.</source>
        <translation>同意已撤回；已删除人脸模板：%1 个。</translation>
    </message>
    <message>
        <source>The request is answered.</source>
        <translation>请求已答复。</translation>
    </message>
    <message>
        <source>The request is refused; the reason is kept with it.</source>
        <translation>请求已拒绝；理由已随请求保存。</translation>
    </message>
    <message numerus="yes">
        <source>Their face data (%Ln face templates) is deleted at once.</source>
        <translation>
            <numerusform>其人脸数据（%Ln 个人脸模板）将立即删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save their data</source>
        <translation>保存其信息</translation>
    </message>
    <message>
        <source>Refuse the request</source>
        <translation>拒绝请求</translation>
    </message>
    <message>
        <source>Why is it refused? The person is told this reason:</source>
        <translation>拒绝理由（将告知本人）：</translation>
    </message>
    <message>
        <source>Rights request</source>
        <translation>权利请求</translation>
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
        <source>Show guest screens full-screen on a second monitor when one is connected</source>
        <translation>连接第二台显示器时，在其上全屏显示客人页面</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>回执纸张</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>Door relay</source>
        <translation>门禁继电器</translation>
    </message>
    <message>
        <source>Relay board</source>
        <translation>继电器板</translation>
    </message>
    <message>
        <source>Relay number on the board</source>
        <translation>继电器路号</translation>
    </message>
    <message>
        <source>Bytes that switch the relay on</source>
        <translation>接通继电器的字节</translation>
    </message>
    <message>
        <source>Bytes that switch the relay off</source>
        <translation>断开继电器的字节</translation>
    </message>
    <message>
        <source>Door lock without power</source>
        <translation>断电时门锁状态</translation>
    </message>
    <message>
        <source>Seconds the door stays open</source>
        <translation>开门保持秒数</translation>
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
        <source>Months a guest&apos;s registration is kept after their last stay</source>
        <translation>旅客登记在最后一次离店后保存的月数</translation>
    </message>
    <message>
        <source>Hours face is not offered again after a guest says no</source>
        <translation>客人拒绝后不再提供人脸核验的小时数</translation>
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
        <source>Liveness check before a face clock-in</source>
        <translation>刷脸打卡前的活体检测</translation>
    </message>
    <message>
        <source>Head turns the liveness check asks for</source>
        <translation>活体检测要求的转头次数</translation>
    </message>
    <message>
        <source>Liveness check when a returning guest is verified by face</source>
        <translation>老客人刷脸核验时也做活体检测</translation>
    </message>
    <message>
        <source>How far staff turn their head for the liveness check</source>
        <translation>活体检测时员工转头的幅度</translation>
    </message>
    <message>
        <source>Seconds allowed for each head turn of the liveness check</source>
        <translation>活体检测每次转头允许的秒数</translation>
    </message>
    <message>
        <source>Seconds before the same person can clock again at the kiosk</source>
        <translation>同一人再次打卡的最短间隔（秒）</translation>
    </message>
    <message>
        <source>Days the shop is open</source>
        <translation>营业日</translation>
    </message>
    <message>
        <source>Shop opens at (hour)</source>
        <translation>开门时间（点）</translation>
    </message>
    <message>
        <source>Shop closes at (hour, 24 is midnight)</source>
        <translation>关门时间（点，24 为午夜）</translation>
    </message>
    <message>
        <source>The shop is closed on public holidays</source>
        <translation>法定节假日不营业</translation>
    </message>
    <message>
        <source>Longest image side used for finding faces (pixels)</source>
        <translation>检测人脸时图像长边的最大尺寸（像素）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
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
        <source>Show guest screens on a second monitor when one is connected</source>
        <translation>连接第二台显示器时，在其上显示客人页面</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>回执纸张</translation>
    </message>
    <message>
        <source>A4 sheet (office printer)</source>
        <translation>A4 纸（办公打印机）</translation>
    </message>
    <message>
        <source>80 mm receipt roll (thermal printer)</source>
        <translation>80 毫米小票纸卷（热敏打印机）</translation>
    </message>
    <message>
        <source>Save policy settings</source>
        <translation>保存策略设置</translation>
    </message>
    <message>
        <source>Operator accounts</source>
        <translation>操作员账户</translation>
    </message>
    <message>
        <source>New operator&apos;s user name</source>
        <translation>新操作员的用户名</translation>
    </message>
    <message>
        <source>New operator&apos;s name</source>
        <translation>新操作员的姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New operator&apos;s password</source>
        <translation>新操作员的密码</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Policy (changes are recorded in the audit log)</source>
        <translation>策略（更改会记入审计日志）</translation>
    </message>
    <message>
        <source>Show advanced face matching settings</source>
        <translation>显示高级人脸比对设置</translation>
    </message>
    <message>
        <source>Change these only on advice. Smaller numbers make face matching stricter: fewer mistaken matches, and more people asked to use their ID document or PIN. The defaults were measured on thousands of photos.</source>
        <translation>请仅在专业建议下更改。数值越小，人脸比对越严格：误认越少，但会有更多人需要改用证件或 PIN 码。默认值经数千张照片测量得出。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1 (given when FaceDesk was started)</source>
        <translation>%1（启动 FaceDesk 时指定）</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <source>Hide advanced face matching settings</source>
        <translation>隐藏高级人脸比对设置</translation>
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
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
</context>
<context>
    <name>StaffDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StaffEnrolmentDialog</name>
    <message>
        <source>Face entry for %1</source>
        <translation>%1 的刷脸打卡</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Face entry is on again for %1.</source>
        <translation>%1 的刷脸打卡已重新开启。</translation>
    </message>
    <message>
        <source>They agreed to the changed notice; their face data was kept. The PIN keeps working too.</source>
        <translation>其已同意更新后的告知书；人脸数据予以保留。PIN 码同样可用。</translation>
    </message>
    <message>
        <source>Face entry is on for %1.</source>
        <translation>已为 %1 开启刷脸打卡。</translation>
    </message>
    <message>
        <source>The PIN keeps working too. Face entry can be switched off at any time by withdrawing consent.</source>
        <translation>PIN 码仍然可用。撤回同意即可随时关闭刷脸打卡。</translation>
    </message>
    <message>
        <source>Face entry is off for %1; their face data was deleted.</source>
        <translation>%1 的刷脸打卡已关闭，其人脸数据已删除。</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>没有记录任何数据。</translation>
    </message>
    <message>
        <source>%1 clocks in and out with the PIN, exactly as with face entry.</source>
        <translation>%1 使用 PIN 码打卡，效果与刷脸打卡完全相同。</translation>
    </message>
    <message>
        <source>No face data was kept.</source>
        <translation>未保存任何人脸数据。</translation>
    </message>
    <message>
        <source>Face entry could not be set up.</source>
        <translation>无法开启刷脸打卡。</translation>
    </message>
    <message>
        <source>%1. The PIN works as before.</source>
        <translation>%1。PIN 码照常可用。</translation>
    </message>
</context>
<context>
    <name>StaffModels</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Face entry</source>
        <translation>刷脸打卡</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Last working day</source>
        <translation>最后工作日</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>In or out</source>
        <translation>上班或下班</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录方式</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>First in</source>
        <translation>最早上班</translation>
    </message>
    <message>
        <source>Last out</source>
        <translation>最晚下班</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Paused: the notice changed, ask them to agree again</source>
        <translation>已暂停：告知书已更新，请其重新同意</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>In</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>At the kiosk</source>
        <translation>在打卡终端</translation>
    </message>
    <message>
        <source>Corrected by a manager</source>
        <translation>经理更正</translation>
    </message>
    <message>
        <source>Corrected (not counted)</source>
        <translation>已更正（不计入）</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff members</source>
        <translation>员工列表</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <source>Face entry</source>
        <translation>刷脸打卡</translation>
    </message>
    <message>
        <source>Set up face entry</source>
        <translation>开启刷脸打卡</translation>
    </message>
    <message>
        <source>End employment</source>
        <translation>结束雇佣</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Everyone clocks in and out with a PIN. Face entry is optional, needs the person&apos;s own consent, and gives exactly the same result.</source>
        <translation>每位员工都可以用 PIN 码打卡。刷脸打卡是可选的，需要本人同意，效果完全相同。</translation>
    </message>
    <message>
        <source>%1 was added. Next: set a PIN.</source>
        <translation>已添加 %1。下一步：设置 PIN 码。</translation>
    </message>
    <message>
        <source>The PIN for %1 is set.</source>
        <translation>已为 %1 设置 PIN 码。</translation>
    </message>
    <message>
        <source>%1&apos;s last working day is %2. Face data is deleted at the end of it.</source>
        <translation>%1 的最后工作日是 %2，当天结束时删除人脸数据。</translation>
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
    <name>TableModels</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间号</translation>
    </message>
    <message>
        <source>Face data</source>
        <translation>人脸数据</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Face data deleted by</source>
        <translation>人脸数据删除期限</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>See their data</source>
        <translation>查阅其信息</translation>
    </message>
    <message>
        <source>A copy of their data</source>
        <translation>复制其信息</translation>
    </message>
    <message>
        <source>Correct their name</source>
        <translation>更正其姓名</translation>
    </message>
    <message>
        <source>Delete their data</source>
        <translation>删除其信息</translation>
    </message>
    <message>
        <source>Withdraw consent to face data</source>
        <translation>撤回人脸数据同意</translation>
    </message>
    <message>
        <source>Explain how their data is used</source>
        <translation>解释其信息的使用方式</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Personal data deleted</source>
        <translation>个人信息已删除</translation>
    </message>
    <message>
        <source>%1; the guest register keeps the registration until %2</source>
        <translation>%1；旅客登记保存至 %2</translation>
    </message>
    <message>
        <source>Nobody on file</source>
        <translation>无对应人员</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Data involved</source>
        <translation>涉及的信息</translation>
    </message>
    <message>
        <source>People notified</source>
        <translation>已告知个人</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>FaceDesk (automatic)</source>
        <translation>FaceDesk（自动）</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Unknown user name</source>
        <translation>未知用户名</translation>
    </message>
    <message>
        <source>The guest</source>
        <translation>客人本人</translation>
    </message>
    <message>
        <source>Staff entry kiosk</source>
        <translation>员工打卡终端</translation>
    </message>
    <message>
        <source>Operator %1</source>
        <translation>操作员 %1</translation>
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
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Back</source>
        <translation>返回</translation>
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
<context>
    <name>VerifyPage</name>
    <message>
        <source>Guest name or room</source>
        <translation>客人姓名或房间号</translation>
    </message>
    <message>
        <source>Verify with face</source>
        <translation>人脸核验</translation>
    </message>
    <message>
        <source>Check ID document</source>
        <translation>查验证件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Stop and check ID document</source>
        <translation>停止并查验证件</translation>
    </message>
    <message>
        <source>Find the guest, then choose how to check.</source>
        <translation>先找到客人，再选择核验方式。</translation>
    </message>
    <message>
        <source>Verify a guest</source>
        <translation>核验客人</translation>
    </message>
    <message>
        <source>Ask the guest to look at the camera.</source>
        <translation>请客人看向摄像头。</translation>
    </message>
    <message>
        <source>The guest declined the new notice; their face data was deleted.</source>
        <translation>客人不同意新的告知，其人脸数据已删除。</translation>
    </message>
    <message>
        <source>Verified by face: %1 is the registered guest.</source>
        <translation>人脸核验通过：%1 是登记的客人。</translation>
    </message>
    <message>
        <source>The head turns were not seen. Please check the ID document.</source>
        <translation>没有看到转头动作。请核验身份证件。</translation>
    </message>
    <message>
        <source>ID card read: %1 is the registered guest.</source>
        <translation>证件读取核验通过：%1 是登记的客人。</translation>
    </message>
    <message>
        <source>ID document checked: %1 is the registered guest.</source>
        <translation>证件核验通过：%1 是登记的客人。</translation>
    </message>
    <message>
        <source>The card on the reader is not the document registered for %1.</source>
        <translation>阅读器上的证件不是 %1 登记的证件。</translation>
    </message>
    <message>
        <source>The document shown does not match the one registered for %1.</source>
        <translation>出示的证件与 %1 登记的证件不符。</translation>
    </message>
    <message>
        <source>Not confirmed by face. Please check the ID document.</source>
        <translation>人脸未能确认。请查验证件。</translation>
    </message>
    <message>
        <source>No clear picture. Please check the ID document.</source>
        <translation>画面不清晰。请查验证件。</translation>
    </message>
    <message>
        <source>the guest</source>
        <translation>该客人</translation>
    </message>
    <message>
        <source>%1 (room %2)</source>
        <translation>%1（%2 号房）</translation>
    </message>
    <message>
        <source>The camera is not available. Check the ID document instead.</source>
        <translation>摄像头不可用。请改为查验证件。</translation>
    </message>
    <message>
        <source>%1: %2 ending %3</source>
        <translation>%1：%2，尾号 %3</translation>
    </message>
</context>
<context>
    <name>WithdrawPage</name>
    <message>
        <source>Name, room or withdrawal code</source>
        <translation>姓名、房间号或撤回码</translation>
    </message>
    <message>
        <source>Withdraw &amp;&amp; delete face data</source>
        <translation>撤回并删除人脸数据</translation>
    </message>
    <message>
        <source>Withdraw and delete face data</source>
        <translation>撤回并删除人脸数据</translation>
    </message>
    <message>
        <source>Deletion receipt</source>
        <translation>删除回执</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>将回执保存为 PDF</translation>
    </message>
    <message>
        <source>Withdraw consent / opt out</source>
        <translation>撤回同意 / 退出人脸识别</translation>
    </message>
    <message>
        <source>%1 has not agreed to face verification (or has withdrawn): no face data is held.</source>
        <translation>%1 未同意人脸核验（或已撤回）：本店未保存其人脸数据。</translation>
    </message>
    <message>
        <source>%1 agreed to face verification. Their face data is held.</source>
        <translation>%1 已同意人脸核验，本店保存有其人脸数据。</translation>
    </message>
    <message>
        <source>All their face data will be deleted. This cannot be undone.</source>
        <translation>其全部人脸数据将被删除，且无法恢复。</translation>
    </message>
    <message>
        <source>Withdraw &amp; delete</source>
        <translation>撤回并删除</translation>
    </message>
    <message>
        <source>No reason is needed. Face data is deleted at once; a deletion receipt can be printed.</source>
        <translation>无需说明理由。人脸数据会立即删除；可以打印删除回执。</translation>
    </message>
    <message>
        <source>Delete the face data of %1 now?</source>
        <translation>现在删除 %1 的人脸数据吗？</translation>
    </message>
    <message>
        <source>Delete now</source>
        <translation>立即删除</translation>
    </message>
</context>
</TS>
