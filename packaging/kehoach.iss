; Inno Setup recipe for Windows: build dist\kehoach with PyInstaller first.
[Setup]
AppName=Soạn Kế hoạch
AppVersion=0.1.0
DefaultDirName={localappdata}\Programs\SoanKeHoach
DefaultGroupName=Soạn Kế hoạch
PrivilegesRequired=lowest
OutputBaseFilename=SoanKeHoach-CaiDat
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[Files]
Source: "..\dist\kehoach\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\Soạn Kế hoạch"; Filename: "{app}\kehoach.exe"
Name: "{userdesktop}\Soạn Kế hoạch"; Filename: "{app}\kehoach.exe"

[Run]
Filename: "{app}\kehoach.exe"; Description: "Mở Soạn Kế hoạch"; Flags: nowait postinstall skipifsilent
