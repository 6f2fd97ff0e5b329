/**
 * Syllables frequent in meeting records and reports, written for this list (not taken from any corpus).
 * Used only to choose between two splits of a glued word that are both well formed: "thựchiện" is
 * "thực hiện", not "thự chiện"; "cánhân" is "cá nhân", not "cán hân". A syllable missing here is still a
 * syllable; a split that this list cannot decide is not made.
 */
const WORDS = `
a ai anh ba bà cá bài ban bàn bản báo bảo bằng bắt bậc bị biên biết biểu bình bộ bổ bố bốn bước cả các cách
cải cán cao cáo cấp cầu câu cấu có con còn công cơ cụ của cùng cũng cuộc cứ cực cường cứu chấp chất chế
chỉ chí chiến chính chịu cho chọn chủ chung chúng chuẩn chuyên chuyển chức chương chưa dân dẫn dần dịch dịp
do doanh dụng dung dự duy dựng đã đại đạo đạt đánh đảm đảng đào đặc đặt đất đầu đầy để đến đề địa điểm
điều định đó đoàn độ đối đội đơn đồng động đúng đủ được đường đứng đưa gia giá giải giám giản giao giáo
giảm giấy giờ giữ giúp góp gồm gửi hạ hai hàng hành hạn hạng hạt hạ hiện hiệu hình hoá hóa hoà hòa hoàn
hoạch hoạt học hỏi hội hơn hợp huy huyện hưởng hướng kế kết khai khả khác khám khắc khăn khẩn khi khó
khoa khoản không khu khuyến kiểm kiến kinh kịp kỳ kỷ kỹ làm lãnh lao lần lập lệ lên liên lòng lớn lợi
lục luận luật lúc lực lượng lưu lý ma mạnh mặt mẫu mới mọi môi một mục mức năm năng nào nay này nắm nằm
nâng nêu nền nghe nghị nghiệp nghiệm nghĩa người ngày ngoài ngũ nguồn nguyên nhà nhân nhanh nhận nhất nhật
nhiệm nhiên nhiều như nhưng những nội nông nơi nước nữa phải phạm phân phần phát pháp phẩm phong phòng phó
phối phố phục phúc phương quả quan quản quán quân quy quyết quyền quốc ra rà rằng riêng rõ rộng rút sách
sản sát sau sẵn sẽ sinh so soát sở số sống sớm sung sử sự suất sức tác tài tại tạo tăng tập tất tế tên
thác thái tham thành thảo thắng thân thấp thẩm thấy thế thể thêm theo thi thiện thiết thiệu thị thời thu
thủ thuận thuật thuế thuộc thúc thức thực thường thương thưởng thứ thư tích tiêu tiến tiếp tiết tiền tin
tinh tình tỉnh tính to toàn tòa toà tổ tốt tổng tối tồn trạng trách tra trái trên triển triệu trình trò
trong trọng trở trợ trung trúc trực trước trưởng trường tuyên tuyến tục tư tử từ từng tự tức tương vào
vấn văn vẫn vận vật về vệ vì viên việc viện vị vốn vụ vực vùng vững vượt xã xác xây xem xét xin xử xuất
xuân xuyên ý yêu yếu
`;

export const COMMON_SYLLABLES: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
