"""Column-name hints in Japanese, Chinese (simplified and traditional) and Korean, and the words that undo them.

Kept apart from ``name_hints`` so that each file stays readable; ``name_hints`` merges these tables into its own.
These scripts do not separate words, so a hint matches anywhere inside a name (``顧客メールアドレス``,
``銀行口座番号``), and a two-character word is as specific as a five-letter Latin one. Hints are folded like the
names they meet: katakana lose their voicing marks (``アドレス`` -> ``アトレス``), Latin letters go lower case
(``IPアドレス`` -> ``ipアトレス``).

A hint found inside a longer name says nothing when the rest of the name turns it into another kind of column.
Latin names carry such words as separate words (``email_count``); CJK names carry them inside the compound, so
this module lists them as text to look for in what is left of the name once the hint is taken out:

- :data:`CJK_NEGATING` turns any hint into a count, a type, a flag or a date of change (``メール件数``,
  ``口座種別``, ``电话是否验证``, ``비밀번호변경일``);
- :data:`CJK_NOT_WITH` names another kind of the hint's own thing (a member card is no payment card, an IP
  address no street address, an account holder's name no account number).

>>> CJK_NAME_HINTS["BANK_ACCOUNT"][:3]
('口座番号', '口座', '银行账号')
>>> "会員" in CJK_NOT_WITH["CREDIT_CARD"], "件数" in CJK_NEGATING
(True, True)
"""

from __future__ import annotations

CJK_NAME_HINTS: dict[str, tuple[str, ...]] = {
    # Japanese first, then simplified and traditional Chinese, then Korean, on each line where all fit.
    "EMAIL": (
        "メール", "メールアドレス", "電子メール",
        "邮箱", "电子邮件", "邮件地址", "邮件", "郵箱", "電子郵件", "郵件", "電郵", "信箱",
        "이메일", "전자우편", "메일",
    ),
    "PHONE": (
        "電話", "電話番号", "携帯", "携帯番号", "連絡先", "ファックス",
        "电话", "手机", "手机号", "联系电话", "联系方式", "传真", "手機", "聯絡電話", "傳真",
        "전화", "전화번호", "휴대폰", "핸드폰", "연락처", "팩스",
    ),
    "PERSON_NAME": (
        "氏名", "名前", "フリガナ", "顧客名", "担当者", "名義人", "口座名義", "申込者", "受取人", "患者名", "会員名",
        "姓名", "名字", "姓氏", "联系人", "聯絡人", "收件人", "收货人", "持卡人", "客户姓名",
        "이름", "성명", "고객명", "성함", "담당자", "예금주", "수취인", "받는사람", "환자명", "회원명",
    ),
    "STREET_ADDRESS": (
        "住所", "所在地", "番地", "送付先住所", "居住地",
        "地址", "住址", "通讯地址",
        "주소", "거주지", "배송지",
    ),
    "POSTAL_CODE": (
        "郵便番号", "〒",
        "邮编", "邮政编码", "郵遞區號", "郵政編碼", "郵編",
        "우편번호",
    ),
    "DATE_OF_BIRTH": (
        "生年月日", "誕生日", "出生日",
        "出生日期", "生日", "出生年月",
        "생년월일", "생일", "출생일",
    ),
    "NATIONAL_ID": (
        "マイナンバー", "個人番号", "在留カード番号", "基礎年金番号",
        "身份证", "身份证号", "身分證", "身份證", "社会保障号", "社保号",
        "주민등록번호", "주민번호", "외국인등록번호",
    ),
    "PASSPORT": (
        "旅券", "旅券番号", "パスポート",
        "护照", "護照",
        "여권",
    ),
    "CREDIT_CARD": (
        "クレジットカード", "カード番号", "デビットカード",
        "信用卡", "卡号", "卡號", "银行卡", "銀行卡",
        "카드번호", "신용카드", "체크카드",
    ),
    "BANK_ACCOUNT": (
        "口座番号", "口座",
        "银行账号", "账号", "帳號", "银行账户", "账户号", "銀行帳戶", "帳戶號",
        "계좌번호", "계좌", "통장번호",
    ),
    "IP_ADDRESS": ("IPアドレス", "IP地址", "IP位址", "IP주소"),
    "MAC_ADDRESS": ("MACアドレス", "MAC地址", "MAC位址", "物理地址", "MAC주소"),
    "URL": (
        "ホームページ", "ウェブサイト",
        "网址", "網址", "网站", "網站", "链接",
        "홈페이지", "웹사이트", "링크",
    ),
    "GEO_COORDINATE": (
        "緯度", "経度", "座標", "位置情報",
        "纬度", "经度", "坐标", "坐標",
        "위도", "경도", "좌표",
    ),
    "USERNAME": (
        "ユーザー名", "ユーザ名", "ログインID", "ログイン名", "ユーザーID", "アカウント名", "ニックネーム",
        "用户名", "账户名", "登录名", "登录账号", "用户账号", "用户ID", "昵称", "使用者名稱", "帳戶名",
        "사용자명", "아이디", "닉네임", "사용자ID", "로그인",
    ),
    "PASSWORD": (
        "パスワード", "暗証番号",
        "密码", "密碼", "口令",
        "비밀번호", "패스워드", "암호",
    ),
    "API_KEY": (
        "APIキー", "アクセストークン", "シークレットキー",
        "API密钥", "访问令牌", "令牌", "API金鑰",
        "API키", "액세스토큰", "토큰",
    ),
    "PRIVATE_KEY": ("秘密鍵", "私钥", "私鑰", "개인키"),
    "CONNECTION_STRING": ("接続文字列", "连接字符串", "連接字串", "연결문자열"),
    "MEDICAL_RECORD_NUMBER": (
        "カルテ番号", "カルテ", "患者番号", "患者ID", "診察券", "診察券番号", "診療録番号", "病歴番号",
        "病历号", "病历编号", "病案号", "病案编号", "住院号", "门诊号", "就诊号", "就诊卡", "诊疗卡", "病歷號", "患者编号",
        "환자번호", "환자ID", "등록번호", "의무기록번호", "병록번호", "차트번호",
    ),
    "ICD10_CODE": (
        "病名コード", "診断コード", "傷病名コード",
        "诊断", "疾病编码", "疾病代码", "診斷",
        "진단코드", "상병코드", "질병코드", "질병분류",
    ),
}

# Text that turns any hint it stands beside into another kind of column: a count, a type, a status, a flag, a
# check, a format, or a change of the thing or a moment (when it changed, not what it is). No word for a date
# alone (日付, 日期, 일자): the birth-date hints are dates.
CJK_NEGATING: frozenset[str] = frozenset({
    "件数", "個数", "種別", "種類", "区分", "フラグ", "有無", "状態", "ステータス", "形式", "確認", "認証", "変更",
    "更新", "有効",
    "数量", "个数", "类型", "种类", "状态", "标志", "是否", "格式", "验证", "认证", "修改", "數量", "類型",
    "狀態", "驗證",
    "개수", "건수", "유형", "종류", "상태", "여부", "형식", "인증", "변경", "확인",
    "日時", "時刻", "时间", "時間", "일시", "시간",
})

# Other kinds of each hint's thing: they undo that one hint (``会員カード番号`` holds loyalty numbers, ``IP地址``
# an IP address, ``口座名義`` a person's name, ``登录账号`` a login, ``사업자등록번호`` a public business number).
CJK_NOT_WITH: dict[str, frozenset[str]] = {
    "CREDIT_CARD": frozenset({
        "会員", "ポイント", "図書", "保険", "診察", "交通", "学生", "社員", "ギフト",
        "会员", "积分", "图书", "医保", "社保", "就诊", "礼品", "會員", "積分", "圖書",
        "회원", "포인트", "멤버십", "도서", "보험", "교통", "학생", "사원",
    }),
    "BANK_ACCOUNT": frozenset({
        "名義", "名", "登录", "用户", "登入", "使用者", "명", "로그인",
    }),
    "STREET_ADDRESS": frozenset({
        "ip", "mac", "メール", "ウェブ", "邮件", "郵件", "电子", "電子", "网", "網", "物理", "메일", "이메일", "웹",
    }),
    "MEDICAL_RECORD_NUMBER": frozenset({"사업자", "법인", "차량", "자동차", "商標", "特許"}),
    "PERSON_NAME": frozenset({"会社", "企業", "店舗", "商品", "銀行", "银行", "公司", "产品", "회사", "상품", "은행"}),
}
