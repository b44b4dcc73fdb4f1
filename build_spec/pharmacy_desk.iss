; Inno Setup script for pharmacy_desk on Windows: `iscc /DAppVersion=0.1.0 build_spec\pharmacy_desk.iss`
; after `pyinstaller build_spec\pharmacy_desk.spec` has made dist\pharmacy_desk\ (the workflow
; .github/workflows/windows-installer.yml does both).
;
; The program goes to Program Files; the data (database, backups, logs, exports) lives in
; %APPDATA%\pharmacy_desk, where the program itself puts it (core/paths.py), so an update or
; an uninstall never touches it. Uninstalling asks whether to delete the data too, and the
; answer defaults to keeping it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "药店会员管理"
#define AppId "pharmacy_desk"
#define AppExe "pharmacy_desk.exe"

[Setup]
; The AppId keeps one installation per machine across versions: an update replaces the last.
AppId={{6E0B7C1D-6F0A-4D67-9B8B-2C1A4F2D9E51}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppId}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename={#AppId}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\pharmacy_desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\pharmacy_desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
chinesesimplified.DeleteData=是否同时删除会员数据、备份和日志（%1）？%n%n选“否”保留数据，重新安装后可以继续使用。
english.DeleteData=Also delete the member data, backups and logs (%1)?%n%nChoose "No" to keep them for a later installation.

[Code]
// The data folder is the user's, not the program's: keep it unless the user says otherwise.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{userappdata}\{#AppId}');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
