; SLA Wizard's Windows installer (Inno Setup 6.3 or newer).
; installer/build runs it after PyInstaller; by hand: iscc installer\windows\sla-wizard.iss
; It installs for the current user only (no administrator rights), adds a Start-menu entry,
; associates .slaproj files with the program and their own icon, and uninstalls cleanly:
; the program, its shortcuts, its association and its settings go; the user's projects
; (saved under Documents\SLA Wizard or wherever the user chose) stay.

#define AppName "SLA Wizard"
#define AppExe "sla-wizard.exe"
#define Bundle AddBackslash(SourcePath) + "..\..\build\installer\dist\sla-wizard"
#define Icons AddBackslash(SourcePath) + "..\..\build\installer\icons"
; the version, publisher and copyright written into sla-wizard.exe by installer/sla-wizard.spec
#define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, "ProductVersion")
#define AppPublisher GetStringFileInfo(Bundle + "\" + AppExe, "CompanyName")
#define AppCopyright GetStringFileInfo(Bundle + "\" + AppExe, "LegalCopyright")
; the program's one reverse-DNS name (installer/sla-wizard.spec: BUNDLE_ID, PROJECT_UTI)
#define AppId "example.slawizard.SLAWizard"
#define ProgId "example.slawizard.SLAWizard.project"

[Setup]
; AppId identifies the program to Windows across versions: never change it.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright={#AppCopyright}
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Icons}\sla-wizard.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=SLA-Wizard-{#AppVersion}-windows-x64-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an update replaces the whole bundle: no library of an older version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Icons}\application-x-slaproj.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .slaproj opens in SLA Wizard, for this user (HKCU\Software\Classes), with the project icon
Root: HKCU; Subkey: "Software\Classes\.slaproj"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.slaproj"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-slaproj"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.slaproj\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName} project"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\application-x-slaproj.ico,0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".slaproj"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; the program's own settings and recent-files list (platformdirs: %LOCALAPPDATA%\sla-wizard);
; projects are never kept there
Type: filesandordirs; Name: "{localappdata}\sla-wizard"
