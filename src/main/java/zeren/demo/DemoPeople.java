package zeren.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated people of the demo county, the same for the same seed: a Chinese name, a gender, a
 * birth date and an 18-character identity number of the county (area code 130132) whose check
 * character is computed as GB 11643-1999 prescribes (ISO 7064 MOD 11-2). Pure, without Spring.
 */
final class DemoPeople {

	/** One generated person. */
	record Generated(String name, boolean male, LocalDate birthDate, String idNumber) {
	}

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";

	private static final String MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";

	private static final String FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private DemoPeople() {
	}

	/** {@code count} distinct people, born between {@code bornFrom} and {@code bornTo}, from {@code seed}. */
	static List<Generated> generate(long seed, int count, int bornFrom, int bornTo) {
		Random random = new Random(seed);
		Set<String> names = new HashSet<>();
		Set<String> numbers = new HashSet<>();
		List<Generated> people = new ArrayList<>(count);
		while (people.size() < count) {
			boolean male = random.nextInt(100) < 70;
			String given = male ? MALE : FEMALE;
			String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
					+ given.charAt(random.nextInt(given.length()))
					+ (random.nextInt(3) == 0 ? "" : String.valueOf(given.charAt(random.nextInt(given.length()))));
			LocalDate birth = LocalDate.of(bornFrom + random.nextInt(bornTo - bornFrom + 1), 1 + random.nextInt(12),
					1 + random.nextInt(28));
			int sequence = random.nextInt(500) * 2 + (male ? 1 : 0); // the 17th digit: odd for men, even for women
			String number = idNumber("130132", birth, sequence);
			if (names.add(name) && numbers.add(number)) {
				people.add(new Generated(name, male, birth, number));
			}
		}
		return people;
	}

	/** The identity number of area {@code area}, born on {@code birth}, with the order number {@code sequence} (0–999). */
	static String idNumber(String area, LocalDate birth, int sequence) {
		String body = area + "%04d%02d%02d%03d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
				sequence);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * WEIGHTS[i];
		}
		return body + CHECK.charAt(sum % 11);
	}
}
