package zeren.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Makes {@code src/main/resources/zeren/access/common-passwords.txt}, the list {@link PasswordRules}
 * refuses, from the patterns that lead every published list of leaked passwords, the Chinese ones
 * (CSDN, 12306, Tianya, 178.com) as well as the English ones (RockYou, LinkedIn): well-known
 * words and pinyin, the same with the common endings (123, 1314, 520, a year…), digit runs and
 * repetitions, keyboard walks, surname or name plus birth year. Not downloaded: generated, so
 * that the list is reproducible and its origin plain. {@code PasswordRulesTest} fails when the
 * file is not what this program writes.
 *
 * <pre>
 * java -cp target/test-classes zeren.access.CommonPasswords src/main/resources/zeren/access/common-passwords.txt
 * </pre>
 */
final class CommonPasswords {

	/** Words and pinyin that people build passwords from. */
	static final List<String> WORDS = List.of(
			// the leaders of every English list
			"password", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "passwd", "admin", "administrator", "root", "toor",
			"user", "test", "guest", "login", "welcome", "letmein", "qwerty", "iloveyou", "monkey", "dragon", "master",
			"sunshine", "princess", "football", "baseball", "basketball", "shadow", "superman", "batman", "trustno1",
			"hello", "freedom", "whatever", "michael", "charlie", "computer", "internet", "secret", "changeme",
			"default", "system", "manager", "server", "oracle", "mysql", "database", "abc", "abcd", "abcdef", "asdf",
			"zxcv", "qwer", "asd", "zxc", "qwe", "love", "lovely", "iloveu", "loveyou", "starwars", "pokemon",
			"google", "apple", "samsung", "killer", "hunter", "soccer", "jordan", "tigger", "ninja", "mustang",
			// pinyin and the Chinese internet
			"woaini", "aini", "woaini1314", "wodemima", "mima", "nihao", "zhongguo", "china", "beijing", "shanghai",
			"shenzhen", "guangzhou", "chongqing", "tianjin", "baidu", "taobao", "alibaba", "tencent", "qq", "weixin",
			"wechat", "huawei", "xiaomi", "laopo", "laogong", "baobei", "baobao", "xiaoming", "tiantian", "aixin",
			"xiaoyu", "woshishui", "wobuzhidao", "kuaile", "xingfu", "pingan", "fuqi", "meimei", "gege", "jiejie",
			"didi", "aiqing", "yongyuan", "zhangwei", "wangwei", "wangfang", "liwei", "lina", "zhangmin", "liuyang",
			"wangjing", "lijing", "zhangli", "wangyong", "liqiang", "zhangjie", "wanglei", "liuwei", "chenjing",
			"yangyang",
			// this service and its users' work
			"zeren", "zerenadmin", "dangjian", "dangwei", "dangzu", "dangyuan", "zhibu", "shuji", "jiwei", "jijian",
			"lianzheng", "dangfeng", "zhonggong", "gongchandang", "renmin", "zhengfu", "gongzuo", "bangong");

	/** Endings added to the words (and alone). */
	static final List<String> ENDINGS = List.of("", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678",
			"123456789", "1234567890", "0", "00", "01", "007", "11", "111", "666", "888", "999", "520", "521", "1314",
			"5201314", "!", "!!", "!@#", "@123", "#123", "123!", "1!", ".", "@", "#", "2008", "2010", "2012", "2015",
			"2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026");

	/** Digit runs and repetitions, and the numbers of Chinese lists (5201314: 我爱你一生一世). */
	static final List<String> NUMBERS = List.of("123456", "1234567", "12345678", "123456789", "1234567890",
			"0123456789", "987654321", "9876543210", "0987654321", "123123", "123123123", "123321", "112233",
			"11223344", "1122334455", "121212", "12121212", "1212121212", "123654", "654321", "7758521", "7758258",
			"168168", "518518", "147258369", "159357", "147258", "159753", "147852369", "741852963", "963852741",
			"123789", "789456123", "1472583690", "7894561230", "3692581470", "147896325", "5201314", "1314520",
			"520520", "521521", "5211314", "1314521", "13145200", "52013145201314", "20082008", "19491001",
			"100200", "10101010", "123qwe", "110110", "1314520520", "147147", "258258", "369369", "321321");

	/** Keyboard walks, on the letters and across the rows. */
	static final List<String> WALKS = List.of("qwertyuiop", "qwertyui", "qwerty", "asdfghjkl", "asdfghjk", "zxcvbnm",
			"1qaz2wsx", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "qazwsx", "qazwsxedc", "qazwsxedcrfv", "zaq12wsx",
			"zaq1xsw2", "zaq1xsw2cde3", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5",
			"1qazxsw2", "!qaz2wsx", "1qaz@wsx", "!qaz@wsx", "!qaz@wsx#edc", "qweasd", "qweasdzxc", "123qweasd",
			"123qweasdzxc", "qweasdzxc123", "qwer1234", "1234qwer", "asdf1234", "1234asdf", "zxcv1234", "qwaszx",
			"qazxsw", "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "0okm9ijn", "1234qwerasdf", "qwerasdfzxcv", "1q2w3e",
			"1a2b3c4d", "a1b2c3d4", "a1b2c3", "abcd1234", "1234abcd", "abc123", "123abc", "aaa111", "a1s2d3f4",
			"qweqwe", "asdasd", "zxczxc", "1qw23er4", "2wsx3edc", "3edc4rfv", "qwertyuiop123", "asdfghjkl123",
			"zxcvbnm123", "1qaz2wsx!", "qwe!@#", "!@#qwe", "!@#$%^", "!@#$%^&*", "!@#123", "1q2w3e4r!", "qaz123",
			"wsx123", "qazwsx123", "qwe123qwe", "asd123asd");

	/** Prefixes put before the numbers (a123456, qq123456, wang123456, woaini520…). */
	static final List<String> NUMBER_PREFIXES = List.of("a", "aa", "abc", "q", "qq", "z", "zz", "w", "wang", "li",
			"zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "woaini", "iloveyou", "love", "admin", "root",
			"pass", "asd", "zxc", "qwe", "aaa", "abcd", "ab");

	/** Numbers that prefixes are put before, and that get letters after them. */
	static final List<String> PREFIXED_NUMBERS = List.of("123", "1234", "12345", "123456", "1234567", "12345678",
			"123456789", "1234567890", "111111", "666666", "888888", "520", "1314", "5201314", "1314520", "520520");

	static final List<String> NUMBER_ENDINGS = List.of("a", "aa", "abc", "qq", "q", "z", "..", "!", "@", ".com", "qwe",
			"asd", "zxc");

	/** The commonest surnames and names, written with a birth year. */
	static final List<String> NAMES = List.of("wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou",
			"wu", "xu", "sun", "hu", "zhu", "gao", "lin", "he", "guo", "ma", "luo", "zhangwei", "wangwei", "wangfang",
			"liwei", "lina", "zhangmin", "liuyang", "wangjing", "lijing", "zhangli");

	static List<String> generate() {
		TreeSet<String> all = new TreeSet<>();
		for (String word : WORDS) {
			for (String ending : ENDINGS) {
				all.add(word + ending);
			}
		}
		all.addAll(NUMBERS);
		all.addAll(WALKS);
		for (String walk : WALKS) {
			all.add(walk + "!");
			all.add(walk + "123");
		}
		for (String number : PREFIXED_NUMBERS) {
			all.add(number);
			for (String prefix : NUMBER_PREFIXES) {
				all.add(prefix + number);
			}
			for (String ending : NUMBER_ENDINGS) {
				all.add(number + ending);
			}
		}
		for (char c = '0'; c <= '9'; c++) {
			for (int n = 6; n <= 12; n++) {
				all.add(String.valueOf(c).repeat(n));
			}
		}
		for (char c = 'a'; c <= 'z'; c++) {
			for (int n = 6; n <= 12; n++) {
				all.add(String.valueOf(c).repeat(n));
			}
		}
		for (String name : NAMES) {
			for (int year = 1955; year <= 2010; year++) {
				all.add(name + year);
				all.add(name + String.format(Locale.ROOT, "%02d", year % 100));
			}
			all.add(name + "123456");
			all.add(name + "1314");
			all.add(name + "520");
		}
		return new ArrayList<>(all);
	}

	static String text() {
		StringBuilder out = new StringBuilder();
		out.append("# The commonest passwords, refused by zeren.access.PasswordRules (compared in lower case).\n");
		out.append("# Generated by src/test/java/zeren/access/CommonPasswords.java; do not edit by hand.\n");
		for (String password : generate()) {
			out.append(password).append('\n');
		}
		return out.toString();
	}

	public static void main(String[] args) throws IOException {
		Files.writeString(Path.of(args[0]), text(), StandardCharsets.UTF_8);
	}

	private CommonPasswords() {
	}
}
