; Windows installer of dvdesktop — Quản lý Tổ dân vận.
;
;   makensis /INPUTCHARSET UTF8 /DVERSION=0.1.0 /DDIST=dist\dvdesktop /DOUTFILE=dist\dvdesktop-0.1.0-setup.exe installer\dvdesktop.nsi
;
; (installer/build.py passes these; the defaults, relative to this folder, which
; makensis changes into, suit dist/ at the repository root.) The file is UTF-8
; without BOM: always /INPUTCHARSET UTF8 (on Linux: -INPUTCHARSET UTF8).
;
; Per-user install, no administrator rights: commune PCs rarely give the
; clerk an admin account. Program files go to
; %LOCALAPPDATA%\Programs\dvdesktop, shortcuts to the user's Start menu and
; desktop, the uninstall entry to HKCU. The user's data — the database,
; its backups, the logs — lives apart in %LOCALAPPDATA%\dvdesktop, the
; window's settings in HKCU\Software\dvdesktop (QSettings):
; - installing over an older version (upgrade in place) replaces the program
;   files only, in the folder the older one was installed to, after making
;   sure the program is closed; the data and the settings stay as they are;
; - the uninstaller keeps them too, unless the user ticks the box on its
;   "Dữ liệu của bạn" page (a silent uninstall, /S, always keeps them).
; tests/packaging/test_nsis_script.py reads this script and checks these rules.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef VIVERSION  ; four numbers, for the file properties
  !define VIVERSION "${VERSION}.0"
!endif
!ifndef DIST
  !define DIST "../dist/dvdesktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "../dist/dvdesktop-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "../resources/icons/dvdesktop.ico"
!endif

!define APPNAME "Quản lý Tổ dân vận"
!define APPID "dvdesktop"
!define EXE "dvdesktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
; platformdirs.user_data_dir("dvdesktop", "dvdesktop") on Windows
!define DATA_DIR "$LOCALAPPDATA\dvdesktop"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "dvdesktop ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=1066 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APPNAME}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "GPL-3.0-or-later"
VIAddVersionKey /LANG=1066 "CompanyName" "dvdesktop"
VIAddVersionKey /LANG=1066 "InternalName" "${APPID}-setup"
VIAddVersionKey /LANG=1066 "OriginalFilename" "${APPID}-${VERSION}-setup.exe"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

!define SETTINGS_KEY "Software\${APPID}"  ; QSettings("dvdesktop", "dvdesktop") on Windows

Var OldVersion      ; the version installed before this one, "" on a first install
Var UpgradeNote     ; said on the welcome page
Var DeleteData      ; uninstaller: ${BST_CHECKED} when the user chose to delete the data
Var DeleteDataBox

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

; ---- installer pages
!define MUI_WELCOMEPAGE_TITLE "Cài đặt ${APPNAME}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APPNAME} (phiên bản ${VERSION}) cho tài khoản Windows đang dùng. Không cần quyền quản trị.$\r$\n$\r$\n$UpgradeNote$\r$\n$\r$\nBấm «Tiến» để tiếp tục."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APPNAME} ngay"
!insertmacro MUI_PAGE_FINISH

; ---- uninstaller pages
UninstPage custom un.DataPage un.DataPageLeave
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Chương trình ${APPNAME} sẽ được gỡ khỏi máy."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "Đã gỡ ${APPNAME}"
!define MUI_FINISHPAGE_TEXT "Chương trình đã được gỡ khỏi máy.$\r$\n$\r$\nNếu bạn không chọn xóa dữ liệu, dữ liệu vẫn còn nguyên trong thư mục:$\r$\n${DATA_DIR}$\r$\nCài lại chương trình thì sẽ dùng tiếp được dữ liệu này."
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  SetShellVarContext current
  ReadRegStr $OldVersion HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $OldVersion == ""
    StrCpy $UpgradeNote "Dữ liệu sẽ được lưu trong thư mục ${DATA_DIR}."
  ${Else}
    StrCpy $UpgradeNote "Máy đang có phiên bản $OldVersion: phiên bản mới sẽ được cài đè lên, vào đúng thư mục cũ. Cơ sở dữ liệu, các bản sao lưu và thiết lập được giữ nguyên."
  ${EndIf}
FunctionEnd

; A running program holds its files: copying over them would leave half of
; each version. An .exe that is running cannot be opened for writing.
Function EnsureClosed
  retry:
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APPNAME} đang mở. Hãy lưu công việc, đóng chương trình rồi bấm Thử lại (Retry)." /SD IDCANCEL IDRETRY retry
      Abort "Chương trình đang mở: chưa cài được."
    ${EndIf}
    FileClose $0
  ${EndIf}
FunctionEnd

Section "${APPNAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  Call EnsureClosed
  ${If} $OldVersion != ""
    DetailPrint "Nâng cấp từ phiên bản $OldVersion lên ${VERSION}; dữ liệu trong ${DATA_DIR} giữ nguyên."
  ${EndIf}
  SetOutPath "$INSTDIR"
  ; Files of an older version must not linger beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APPNAME}"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APPNAME}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "dvdesktop"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetShellVarContext current
  StrCpy $DeleteData ${BST_UNCHECKED}
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "Dữ liệu của bạn" "Giữ lại hay xóa cơ sở dữ liệu, các bản sao lưu và thiết lập"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 80u "Dữ liệu của bạn (cơ sở dữ liệu, các bản dự phòng khi nâng cấp, nhật ký và thiết lập) nằm trong thư mục ${DATA_DIR}. Theo mặc định dữ liệu được GIỮ LẠI: cài lại chương trình thì dùng tiếp được.$\r$\n$\r$\nBản sao lưu đã chép ra nơi khác và cơ sở dữ liệu ở nơi khác (ổ mạng, máy chủ PostgreSQL) không bao giờ bị xóa."
  Pop $0
  ${NSD_CreateCheckbox} 0 88u 100% 24u "Xóa cả dữ liệu trong thư mục trên (không lấy lại được; hãy sao lưu trước)"
  Pop $DeleteDataBox
  ${NSD_SetState} $DeleteDataBox $DeleteData
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DeleteDataBox $DeleteData
  ${If} $DeleteData == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "Xóa hẳn toàn bộ dữ liệu trong ${DATA_DIR}? Không thể lấy lại sau khi xóa." IDYES +2
    Abort
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; Only what the installer put there: never RMDir /r "$INSTDIR" itself, in
  ; case someone chose a folder that holds other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\dvdesktop.exe"
  Delete "$INSTDIR\dvdesktop-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ${If} $DeleteData == ${BST_CHECKED}
    RMDir /r "${DATA_DIR}"
    DeleteRegKey HKCU "${SETTINGS_KEY}"
    DetailPrint "Đã xóa dữ liệu trong: ${DATA_DIR}"
  ${Else}
    DetailPrint "Dữ liệu của bạn được giữ lại trong: ${DATA_DIR}"
  ${EndIf}
SectionEnd
