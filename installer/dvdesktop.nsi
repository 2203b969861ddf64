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
; its backups, the logs — lives apart in %LOCALAPPDATA%\dvdesktop and is
; never touched by the installer or the uninstaller.

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

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

; ---- installer pages
!define MUI_WELCOMEPAGE_TITLE "Cài đặt ${APPNAME}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APPNAME} (phiên bản ${VERSION}) cho tài khoản Windows đang dùng. Không cần quyền quản trị.$\r$\n$\r$\nNếu máy đã có phiên bản cũ, phiên bản mới sẽ thay thế; dữ liệu đã nhập được giữ nguyên.$\r$\n$\r$\nBấm Tiếp để tiếp tục."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APPNAME} ngay"
!insertmacro MUI_PAGE_FINISH

; ---- uninstaller pages
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Chương trình ${APPNAME} sẽ được gỡ khỏi máy. Dữ liệu của bạn (cơ sở dữ liệu, các bản sao lưu và nhật ký trong thư mục ${DATA_DIR}) được GIỮ LẠI; muốn xóa hẳn thì xóa thư mục đó bằng tay sau khi đã sao lưu."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "Đã gỡ ${APPNAME}"
!define MUI_FINISHPAGE_TEXT "Chương trình đã được gỡ khỏi máy.$\r$\n$\r$\nDữ liệu của bạn vẫn còn nguyên trong thư mục:$\r$\n${DATA_DIR}$\r$\n$\r$\nCài lại chương trình thì sẽ dùng tiếp được dữ liệu này."
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "Vietnamese"

Section "${APPNAME}" SecMain
  SectionIn RO
  SetShellVarContext current
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

  DetailPrint "Dữ liệu của bạn được giữ lại trong: ${DATA_DIR}"
SectionEnd
