<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminPage</name>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>Intact: all %Ln events check out; nothing was changed or removed.</source>
        <translation>
            <numerusform>Intact: the %Ln event checks out; nothing was changed or removed.</numerusform>
            <numerusform>Intact: all %Ln events check out; nothing was changed or removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message numerus="yes">
        <source>Needs action: %Ln consents past their retention date.</source>
        <translation>
            <numerusform>Needs action: %Ln consent past its retention date.</numerusform>
            <numerusform>Needs action: %Ln consents past their retention date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open security alerts.</source>
        <translation>
            <numerusform>%Ln open security alert.</numerusform>
            <numerusform>%Ln open security alerts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln closed months on record, each kept three years.</source>
        <translation>
            <numerusform>%Ln closed month on record, kept three years.</numerusform>
            <numerusform>%Ln closed months on record, each kept three years.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardCounts</name>
    <message numerus="yes">
        <source>%Ln consents are past their retention date: apply retention now.</source>
        <translation>
            <numerusform>%Ln consent is past its retention date: apply retention now.</numerusform>
            <numerusform>%Ln consents are past their retention date: apply retention now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact (%Ln events).</source>
        <translation>
            <numerusform>The audit chain is intact (%Ln event).</numerusform>
            <numerusform>The audit chain is intact (%Ln events).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread security alerts: review them, then mark them read.</source>
        <translation>
            <numerusform>%Ln unread security alert: review it, then mark it read.</numerusform>
            <numerusform>%Ln unread security alerts: review them, then mark them read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people with face data, below the first warning level.</source>
        <translation>
            <numerusform>%Ln person with face data, below the first warning level.</numerusform>
            <numerusform>%Ln people with face data, below the first warning level.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people with face data: export the filing data and prepare the filing.</source>
        <translation>
            <numerusform>%Ln person with face data: export the filing data and prepare the filing.</numerusform>
            <numerusform>%Ln people with face data: export the filing data and prepare the filing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people with face data: file now (export the filing data).</source>
        <translation>
            <numerusform>%Ln person with face data: file now (export the filing data).</numerusform>
            <numerusform>%Ln people with face data: file now (export the filing data).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln filings to submit to the authority. Each is listed below with its deadline.</source>
        <translation>
            <numerusform>%Ln filing to submit to the authority. It is listed below with its deadline.</numerusform>
            <numerusform>%Ln filings to submit to the authority. Each is listed below with its deadline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filed with the authority; %Ln people with face data.</source>
        <translation>
            <numerusform>Filed with the authority; %Ln person with face data.</numerusform>
            <numerusform>Filed with the authority; %Ln people with face data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message numerus="yes">
        <source>%Ln face templates deleted.</source>
        <translation>
            <numerusform>%Ln face template deleted.</numerusform>
            <numerusform>%Ln face templates deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RightsPage</name>
    <message numerus="yes">
        <source>Their face data (%Ln face templates) is deleted at once.</source>
        <translation>
            <numerusform>Their face data (%Ln face template) is deleted at once.</numerusform>
            <numerusform>Their face data (%Ln face templates) is deleted at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
</context>
</TS>
