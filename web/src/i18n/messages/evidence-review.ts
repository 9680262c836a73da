/** Strings of the reviewer's verdict on each evidence (accept / reject with a reason): vi first, en same keys. */

export const vi = {
  'evr.accept': 'Chấp nhận',
  'evr.reject': 'Không chấp nhận',
  'evr.acceptAria': 'Chấp nhận tài liệu {title}',
  'evr.rejectAria': 'Không chấp nhận tài liệu {title}',
  'evr.reason': 'Lý do không chấp nhận (gửi cho đơn vị)',
  'evr.reasonHint':
    'Ví dụ: văn bản chưa có chữ ký, đóng dấu; sai năm đánh giá; không đúng loại văn bản yêu cầu.',
  'evr.reasonRequired': 'Vui lòng ghi lý do không chấp nhận để đơn vị biết cần sửa gì.',
  'evr.sendReject': 'Gửi không chấp nhận',
  'evr.cancel': 'Hủy',
  'evr.done.accepted': 'Đã chấp nhận tài liệu "{title}".',
  'evr.done.rejected': 'Đã ghi không chấp nhận tài liệu "{title}"; đơn vị sẽ thấy lý do.',
  'evr.conflict':
    'Tài liệu "{title}" vừa thay đổi (đơn vị tải lên phiên bản mới hoặc người khác đã thẩm định). Đã tải lại danh sách; xem lại rồi quyết định.',
  'evr.noFile': 'Chưa có tệp sẵn sàng để thẩm định.',
  'evr.verdict.accepted': 'Chấp nhận bởi {who} lúc {at}',
  'evr.verdict.rejected': 'Không chấp nhận bởi {who} lúc {at}',
  'evr.who': '{name} ({role})',
  'evr.reasonShown': 'Lý do: {reason}',
  'evr.resubmitHint': 'Mở "Sửa" rồi tải lên phiên bản mới để gửi thẩm định lại.',
  'evr.resubmitHintDrawer': 'Hãy tải lên phiên bản mới ở mục "Tệp và các phiên bản" để gửi thẩm định lại.',
  'evr.rejectedTitle': 'Tài liệu không được chấp nhận',
  'evr.acceptedTitle': 'Tài liệu đã được chấp nhận',
  'evr.policyAccepted':
    'Kỳ đánh giá này chỉ tính minh chứng đã được thẩm định viên chấp nhận: tài liệu chưa thẩm định hoặc không được chấp nhận chưa tính vào tỉ lệ minh chứng.',
  'evr.computedTitle': 'Số liệu đơn vị nhập để tính điểm',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'evr.accept': 'Accept',
  'evr.reject': 'Reject',
  'evr.acceptAria': 'Accept the evidence {title}',
  'evr.rejectAria': 'Reject the evidence {title}',
  'evr.reason': 'Reason for rejecting (sent to the unit)',
  'evr.reasonHint': 'For example: not signed or stamped; wrong year; not the type of document required.',
  'evr.reasonRequired': 'Please give the reason for rejecting, so the unit knows what to fix.',
  'evr.sendReject': 'Send rejection',
  'evr.cancel': 'Cancel',
  'evr.done.accepted': 'Evidence "{title}" accepted.',
  'evr.done.rejected': 'Evidence "{title}" rejected; the unit will see the reason.',
  'evr.conflict':
    'The evidence "{title}" has just changed (the unit uploaded a new revision or someone else reviewed it). The list was reloaded; look again, then decide.',
  'evr.noFile': 'No file is available to review yet.',
  'evr.verdict.accepted': 'Accepted by {who} at {at}',
  'evr.verdict.rejected': 'Rejected by {who} at {at}',
  'evr.who': '{name} ({role})',
  'evr.reasonShown': 'Reason: {reason}',
  'evr.resubmitHint': 'Open "Edit" and upload a new revision to send it for review again.',
  'evr.resubmitHintDrawer': 'Upload a new revision under "Files and revisions" to send it for review again.',
  'evr.rejectedTitle': 'The evidence was rejected',
  'evr.acceptedTitle': 'The evidence was accepted',
  'evr.policyAccepted':
    'This cycle counts only evidence a reviewer has accepted: evidence not yet reviewed or rejected does not count towards coverage.',
  'evr.computedTitle': 'Figures the unit entered for the score',
};
