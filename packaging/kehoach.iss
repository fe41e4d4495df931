; Inno Setup 6 (6.3 or later) recipe for the Windows installer. Build it on Windows with packaging\build.cmd
; (PyInstaller bundle first, then this script: ISCC.exe /DAppVersion=x.y.z packaging\kehoach.iss).
; - per user, no administrator: installs into %LOCALAPPDATA%\Programs\SoanKeHoach ({userpf});
; - Start-menu shortcut, desktop shortcut (a task, on by default);
; - "Open with" for .docx, .doc and .json through OpenWithProgids: Word stays the program that
;   opens .docx on a double click; .kehoach (the app's own name for a plan file) opens in the app;
; - uninstalling removes the program and its registry entries, never the user's data folder
;   (%LOCALAPPDATA%\kehoach, or the DuLieu folder of a portable copy).
; Inno Setup ships no official Vietnamese: Vietnamese.isl beside this file gives every message the
; installer and the uninstaller show; Default.isl before it covers any message Inno adds later.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Soạn Kế hoạch"
#define AppExe "kehoach_desktop.exe"
#define ProgId "SoanKeHoach.KeHoach"

[Setup]
AppId={{6D3E2B1A-9C4F-4E57-A0B8-5F2C71D94E63}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=kehoach_desktop
AppComments=Soạn, kiểm tra và in Kế hoạch đúng thể thức
DefaultDirName={userpf}\SoanKeHoach
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=SoanKeHoach-{#AppVersion}-CaiDat
#if FileExists(AddBackslash(SourcePath) + "..\resources\icons\kehoach.ico")
SetupIconFile=..\resources\icons\kehoach.ico
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "openwith"; Description: "{cm:OpenWithTask}"; GroupDescription: "{cm:FileTypes}"

[InstallDelete]
; An update replaces the bundle's libraries as a whole (no file of an older version lingers).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\kehoach_desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; The app's file type: what "Open with" lists show, and how a file is opened.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".doc"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".kehoach"; ValueData: ""
; "Open with" only: the default program of .docx, .doc and .json is left as it is.
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.doc\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
; .kehoach belongs to the app: a double click opens it here.
Root: HKA; Subkey: "Software\Classes\.kehoach"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.kehoach\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what was installed. The user's data lives
; elsewhere (%LOCALAPPDATA%\kehoach), and a portable copy's DuLieu folder was never installed by this
; setup, so both stay.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\kehoach')]),
      mbInformation, MB_OK);
end;
