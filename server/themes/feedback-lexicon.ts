/**
 * Words readers of every help center use about the help itself and about reaching people: the same in a shop's,
 * a bank's or a game's feedback, so they ship with themes (the search lexicon stays about what readers look for).
 * Each group is one meaning; its first member names it. Same format as the general lexicon: verbs in dictionary
 * form, lower case, no particles. No industry's words belong here.
 */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
export const FEEDBACK_GROUPS: readonly (readonly string[])[] = [
  // Reaching a person
  ['상담원', '상담사', '고객센터', '콜센터', '고객센타', '씨에스', 'cs', '상담', '직원', '사람', 'agent', 'support', 'human', 'representative'],
  ['전화', '통화', '연락', '콜', 'call', 'phone'],
  ['채팅', '챗', '톡', '카톡', '챗봇', 'chat', 'chatbot', 'bot'],
  ['답변', '답장', '회신', '응답', '대답', '연락', 'reply', 'response', 'answer'],
  ['대기', '기다리다', '기다림', '대기시간', 'wait', 'hold', 'queue'],
  // The article itself
  ['설명', '글', '내용', '안내', '문서', '페이지', '도움말', 'article', 'page', 'guide', 'explanation'],
  ['이해', '알아듣다', '헷갈리다', '헷갈림', '모호하다', '어렵다', '복잡하다', '애매하다', 'confusing', 'unclear', 'understand'],
  ['길다', '장황하다', '너무 길다', 'long'],
  ['예전', '옛날', '구버전', '이전', '과거', '오래되다', '업데이트', '최신', 'outdated', 'old', 'update'],
  ['화면', '스크린샷', '캡처', '캡쳐', '사진', '그림', '이미지', 'screenshot', 'screen', 'image', 'picture'],
  ['메뉴', '탭', '버튼', '위치', '아이콘', 'menu', 'tab', 'button', 'icon'],
  ['링크', '주소', 'url', 'link', '404', '깨지다', 'broken'],
  ['다르다', '다름', '틀리다', '모순', '말이 다르다', '안 맞다', 'different', 'contradict', 'mismatch'],
  // Apps and sites misbehaving
  ['앱', '어플', '애플리케이션', '어플리케이션', 'app', 'application'],
  ['튕기다', '튕김', '꺼지다', '꺼짐', '강제종료', '멈추다', '먹통', '렉', '느리다', 'crash', 'freeze', 'freezing', 'slow'],
  ['로그인', '로그인하다', 'login', 'log in', 'sign in', 'signin'],
  ['비밀번호', '비번', '패스워드', 'password'],
  ['인증', '본인인증', '인증번호', 'verification', 'verify', 'otp', 'code'],
  // Money back and charges, as any paid service hears them
  ['환불', '돌려받다', '돌려주다', '환급', '돈', 'refund', 'money back'],
  ['요금', '비용', '수수료', '금액', '가격', '청구', 'fee', 'charge', 'charged', 'price', 'cost'],
];
