package zeren.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.platform.InputError;

/** The rules of a new password, without Spring. */
class PasswordRulesTest {

	static List<String> codes(String username, String password) {
		return PasswordRules.check("password", username, password).stream().map(InputError::code).toList();
	}

	@Test
	void the_bundled_list_is_what_its_generator_writes_and_holds_thousands_of_the_commonest() throws IOException {
		assertThat(Files.readString(Path.of("src/main/resources/zeren/access/common-passwords.txt"), StandardCharsets.UTF_8))
				.as("regenerate with: java src/test/java/zeren/access/CommonPasswords.java src/main/resources/zeren/access/common-passwords.txt")
				.isEqualTo(CommonPasswords.text());
		assertThat(PasswordRules.listed()).isGreaterThan(5000);
		for (String common : List.of("123456", "a123456", "woaini1314", "qq123456", "password", "admin123", "5201314",
				"qwertyuiop", "1qaz2wsx", "1q2w3e4r5t", "zxcvbnm", "iloveyou", "abc123456", "111111", "88888888",
				"wang1988", "zhangwei1990", "qwe123456")) {
			assertThat(PasswordRules.common(common)).as(common).isTrue();
		}
	}

	@Test
	void a_password_has_ten_characters_at_least_and_72_bytes_at_most() {
		assertThat(codes("u", "short-1")).containsExactly("error.password.too-short");
		assertThat(codes("u", "ok-it-is-10")).isEmpty();
		assertThat(codes("u", "a9-" + "bcdefghijk".repeat(6) + "lmnopqrst")).isEmpty();
		assertThat(codes("u", "a9-" + "bcdefghijk".repeat(6) + "lmnopqrstu")).containsExactly("error.password.too-long");
		// Chinese characters take three bytes each: 24 fit, 25 do not
		assertThat(codes("u", "全面从严治党主体责任清单年度工作任务明细表与约谈")).isEmpty();
		assertThat(codes("u", "全面从严治党主体责任清单年度工作任务明细表与约谈书")).containsExactly("error.password.too-long");
		assertThat(codes("u", null)).containsExactly("error.password.too-short");
	}

	@Test
	void the_commonest_and_the_trivial_are_refused_in_any_case() {
		assertThat(codes("u", "WoAiNi1314")).containsExactly("error.password.common");
		assertThat(codes("u", "Password123")).containsExactly("error.password.common");
		assertThat(codes("u", "1qaz2wsx3edc")).containsExactly("error.password.common");
		assertThat(codes("u", "aaaaaaaaaaaaa")).containsAnyOf("error.password.common", "error.password.trivial");
		assertThat(codes("u", "zzzzzzzzzzzzzzzzzz")).containsExactly("error.password.trivial");
		assertThat(codes("u", "abcabcabcabc")).containsExactly("error.password.trivial");
		assertThat(codes("u", "xyzxyzxyzxy")).containsExactly("error.password.trivial");
		assertThat(codes("u", "1234567890123")).containsExactly("error.password.trivial");
		assertThat(codes("u", "abcdefghijklm")).containsExactly("error.password.trivial");
		assertThat(codes("u", "9876543210987")).containsExactly("error.password.trivial");
		assertThat(codes("u", "aaaaabbbbbbb")).containsExactly("error.password.trivial");
		assertThat(codes("u", "我爱你我爱你我爱你我爱你")).containsExactly("error.password.trivial");
		// a passphrase passes
		assertThat(codes("u", "correct horse battery staple")).isEmpty();
		assertThat(codes("u", "责任清单要在一月底前发布")).isEmpty();
	}

	@Test
	void the_password_is_not_the_user_name_in_any_case() {
		assertThat(codes("zhang.wei.01", "ZHANG.WEI.01")).containsExactly("error.password.is-username");
		assertThat(codes("zhang.wei.01", "zhang.wei.01-home")).isEmpty();
	}
}
