; Inno Setup script for FaceDesk (compile after installer\build.ps1 has built dist\facedesk).
;   iscc installer\windows\facedesk.iss      ->  dist\FaceDesk-setup-0.1.0.exe
; Installs for the current machine, adds a Start-menu entry, and an uninstaller that asks whether
; to keep the data folder (for a reinstall) or delete it securely.

#define AppName "FaceDesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{5D3C5F1E-6C1B-4C9E-9F55-FACEDE5C0001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=FaceDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=FaceDesk-setup-{#AppVersion}
SetupIconFile=facedesk.ico
UninstallDisplayIcon={app}\facedesk.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\facedesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\facedesk.exe"; IconFilename: "{app}\facedesk.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\facedesk.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."
Filename: "{app}\facedesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
en.KeepData=Keep the FaceDesk data folder (guests, consents, staff, audit log) for a later reinstall?%n%nYes: keep it, encrypted, where it is.%nNo: delete it securely now. This cannot be undone.
zh_CN.KeepData=是否保留 FaceDesk 数据文件夹（客人、同意记录、员工、审计日志）以便日后重新安装？%n%n是：加密保留在原处。%n否：立即安全删除，无法恢复。

[Code]
// The data folder is per user (platformdirs: %LOCALAPPDATA%\FaceDesk). The database is encrypted
// and written with secure_delete; deleting overwrites each file once before removing it.
procedure WipeFolder(const Folder: String);
var
  FindRec: TFindRec;
  Path: String;
begin
  if FindFirst(Folder + '\*', FindRec) then
  try
    repeat
      if (FindRec.Name <> '.') and (FindRec.Name <> '..') then
      begin
        Path := Folder + '\' + FindRec.Name;
        if FindRec.Attributes and FILE_ATTRIBUTE_DIRECTORY <> 0 then
          WipeFolder(Path)
        else
        begin
          SaveStringToFile(Path, StringOfChar(#0, FindRec.SizeLow), False);
          DeleteFile(Path);
        end;
      end;
    until not FindNext(FindRec);
  finally
    FindClose(FindRec);
  end;
  RemoveDir(Folder);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\FaceDesk');
    if DirExists(DataDir) then
      if MsgBox(CustomMessage('KeepData'), mbConfirmation, MB_YESNO) = IDNO then
        WipeFolder(DataDir);
  end;
end;
