/** Strings of two-step sign-in: the sign-in's code step, the Security page, enrolment, the admins' reset. */

export const vi = {
  'nav.security': 'Bảo mật',
  'nav.securityOf': 'Bảo mật tài khoản: xác thực hai bước',

  'mfa.code.title': 'Xác thực hai bước',
  'mfa.code.intro': 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiển thị cho Minh Chứng.',
  'mfa.code.field': 'Mã xác thực (6 chữ số)',
  'mfa.code.invalid': 'Mã gồm đúng 6 chữ số.',
  'mfa.code.submit': 'Xác nhận',
  'mfa.code.wrong':
    'Mã chưa đúng hoặc đã hết hạn. Nhập mã mới nhất trong ứng dụng xác thực (mã đổi sau mỗi 30 giây); nếu vẫn sai, kiểm tra giờ trên điện thoại có tự động đặt không.',
  'mfa.code.expired': 'Bước xác thực đã hết thời gian. Vui lòng đăng nhập lại.',
  'mfa.code.lost':
    'Mất điện thoại hoặc ứng dụng xác thực? Liên hệ quản trị viên để đặt lại xác thực hai bước.',
  'mfa.code.demo': 'Mã hiện tại của tài khoản mẫu (chỉ khi chạy cục bộ): {code}',
  'mfa.code.demoFill': 'Điền mã mẫu',

  'mfa.setup.title': 'Thiết lập xác thực hai bước',
  'mfa.setup.intro': 'Tài khoản này phải có xác thực hai bước trước khi đăng nhập.',

  'security.title': 'Bảo mật',
  'security.mfa.heading': 'Xác thực hai bước (ứng dụng xác thực)',
  'security.mfa.explain':
    'Khi bật, mỗi lần đăng nhập bạn nhập thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator hoặc ứng dụng tương tự). Kẻ gian biết mật khẩu cũng không đăng nhập được.',
  'security.mfa.on': 'Đang bật',
  'security.mfa.off': 'Chưa bật',
  'security.mfa.checkedAt': 'Kiểm tra lúc {time}',
  'security.mfa.requiredForAdmins': 'Bắt buộc với quản trị viên.',
  'security.mfa.optional': 'Không bắt buộc với vai trò của bạn, nhưng nên bật.',
  'security.mfa.mustEnrol':
    'Quản trị viên phải bật xác thực hai bước trước khi tiếp tục. Hãy thiết lập ngay bên dưới; xong bạn sẽ quay lại trang đang làm.',
  'security.mfa.start': 'Bật xác thực hai bước',
  'security.mfa.replace': 'Chuyển sang điện thoại khác',
  'security.mfa.turnOff': 'Tắt xác thực hai bước',
  'security.mfa.turnOffConfirm': 'Tắt xác thực hai bước?',
  'security.mfa.turnOffExplain': 'Lần đăng nhập sau chỉ cần mật khẩu.',
  'security.mfa.turnedOff': 'Đã tắt xác thực hai bước.',
  'security.mfa.enabled': 'Đã bật xác thực hai bước. Từ lần đăng nhập sau, hệ thống sẽ hỏi mã.',
  'security.mfa.recheck': 'Kiểm tra lại',
  'security.mfa.stillRefused':
    'Xác thực hai bước đã bật nhưng phiên này chưa được xác nhận. Hãy đăng xuất rồi đăng nhập lại bằng mã xác thực.',
  'security.mfa.signInAgain':
    'Phiên đăng nhập này không dùng được để thiết lập. Hãy đăng xuất rồi đăng nhập lại.',
  'security.mfa.failed': 'Không thực hiện được: {detail}',
  'security.mfa.continue': 'Tiếp tục công việc',

  'enrol.step1':
    '1. Cài một ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…).',
  'enrol.step2': '2. Trong ứng dụng, chọn thêm tài khoản và quét mã QR này.',
  'enrol.qr': 'Mã QR để thêm tài khoản {account} vào ứng dụng xác thực',
  'enrol.manual': 'Không quét được? Chọn nhập khoá thủ công và gõ khoá sau (loại: theo thời gian):',
  'enrol.manualKey': 'Khoá bí mật',
  'enrol.step3': '3. Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.',
  'enrol.submit': 'Xác nhận và bật',
  'enrol.cancel': 'Huỷ',
  'enrol.loading': 'Đang tạo khoá…',
  'enrol.restarted':
    'Mã chưa đúng và bước thiết lập đã phải bắt đầu lại: hãy quét mã QR mới rồi nhập mã mới.',
  'enrol.device': 'Điện thoại',

  'people.users.mfa': 'Xác thực hai bước',
  'people.users.mfaOn': 'Đã bật',
  'people.users.mfaOff': 'Chưa bật',
  'people.users.mfaUnknown': 'Chưa kiểm tra',
  'people.users.mfaReset': 'Đặt lại 2 bước',
  'people.users.mfaResetOf': 'Đặt lại xác thực hai bước của {name}',
  'people.users.mfaResetConfirm': 'Đặt lại xác thực hai bước của {name}?',
  'people.users.mfaResetExplain':
    'Dùng khi người dùng mất điện thoại. Họ đăng nhập bằng mật khẩu rồi thiết lập lại ứng dụng xác thực; quản trị viên phải thiết lập lại trước khi làm việc tiếp. Thao tác được ghi nhật ký.',
  'people.users.mfaResetDone': 'Đã đặt lại xác thực hai bước của {name}.',
  'people.users.mfaResetFailed': 'Không đặt lại được xác thực hai bước',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'nav.security': 'Security',
  'nav.securityOf': 'Account security: two-step verification',

  'mfa.code.title': 'Two-step verification',
  'mfa.code.intro':
    'Open the authenticator app on your phone and enter the 6-digit code it shows for Minh Chứng.',
  'mfa.code.field': 'Verification code (6 digits)',
  'mfa.code.invalid': 'The code has exactly 6 digits.',
  'mfa.code.submit': 'Verify',
  'mfa.code.wrong':
    "The code is wrong or has expired. Enter the newest code from your authenticator app (it changes every 30 seconds); if it still fails, check that your phone's clock is set automatically.",
  'mfa.code.expired': 'The verification step timed out. Please sign in again.',
  'mfa.code.lost':
    'Lost your phone or authenticator app? Ask your administrator to reset two-step verification.',
  'mfa.code.demo': "The demo account's current code (local stack only): {code}",
  'mfa.code.demoFill': 'Fill in the demo code',

  'mfa.setup.title': 'Set up two-step verification',
  'mfa.setup.intro': 'This account needs two-step verification before it can sign in.',

  'security.title': 'Security',
  'security.mfa.heading': 'Two-step verification (authenticator app)',
  'security.mfa.explain':
    'When it is on, every sign-in also asks for the 6-digit code from the authenticator app on your phone (Google Authenticator, Microsoft Authenticator or similar). Someone who knows your password still cannot sign in.',
  'security.mfa.on': 'On',
  'security.mfa.off': 'Off',
  'security.mfa.checkedAt': 'Checked at {time}',
  'security.mfa.requiredForAdmins': 'Required for administrators.',
  'security.mfa.optional': 'Not required for your role, but recommended.',
  'security.mfa.mustEnrol':
    'Administrators must turn on two-step verification before they continue. Set it up below; afterwards you return to the page you were on.',
  'security.mfa.start': 'Turn on two-step verification',
  'security.mfa.replace': 'Move to another phone',
  'security.mfa.turnOff': 'Turn off two-step verification',
  'security.mfa.turnOffConfirm': 'Turn off two-step verification?',
  'security.mfa.turnOffExplain': 'Your next sign-in asks only for the password.',
  'security.mfa.turnedOff': 'Two-step verification is off.',
  'security.mfa.enabled': 'Two-step verification is on. From your next sign-in you will be asked for a code.',
  'security.mfa.recheck': 'Check again',
  'security.mfa.stillRefused':
    'Two-step verification is on, but this session has not been confirmed. Sign out and sign in again with your code.',
  'security.mfa.signInAgain': 'This session cannot be used for the setup. Sign out and sign in again.',
  'security.mfa.failed': 'That did not work: {detail}',
  'security.mfa.continue': 'Continue working',

  'enrol.step1':
    '1. Install an authenticator app on your phone (Google Authenticator, Microsoft Authenticator…).',
  'enrol.step2': '2. In the app, add an account and scan this QR code.',
  'enrol.qr': 'QR code to add the account {account} to an authenticator app',
  'enrol.manual': "Can't scan it? Choose to enter a key by hand and type this key (type: time based):",
  'enrol.manualKey': 'Secret key',
  'enrol.step3': '3. Enter the 6-digit code the app shows to confirm.',
  'enrol.submit': 'Confirm and turn on',
  'enrol.cancel': 'Cancel',
  'enrol.loading': 'Creating a key…',
  'enrol.restarted':
    'The code was wrong and the setup had to start again: scan the new QR code, then enter a new code.',
  'enrol.device': 'Phone',

  'people.users.mfa': 'Two-step verification',
  'people.users.mfaOn': 'On',
  'people.users.mfaOff': 'Off',
  'people.users.mfaUnknown': 'Not checked yet',
  'people.users.mfaReset': 'Reset 2-step',
  'people.users.mfaResetOf': "Reset {name}'s two-step verification",
  'people.users.mfaResetConfirm': "Reset {name}'s two-step verification?",
  'people.users.mfaResetExplain':
    'For a lost phone. They sign in with the password and set up an authenticator again; an administrator must set it up again before working on. The reset is recorded in the audit trail.',
  'people.users.mfaResetDone': "{name}'s two-step verification was reset.",
  'people.users.mfaResetFailed': 'Could not reset two-step verification',
};
