package zeren.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoPeopleTest {

	/** GB 11643-1999, computed here independently of the generator. */
	static boolean validIdNumber(String n) {
		if (!n.matches("\\d{17}[\\dX]")) {
			return false;
		}
		int[] w = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (n.charAt(i) - '0') * w[i];
		}
		return "10X98765432".charAt(sum % 11) == n.charAt(17);
	}

	@Test
	void theSameSeedGivesTheSamePeopleWithValidIdNumbers() {
		List<DemoPeople.Generated> a = DemoPeople.generate(7, 80, 1970, 1995);
		assertThat(DemoPeople.generate(7, 80, 1970, 1995)).isEqualTo(a);
		assertThat(DemoPeople.generate(8, 80, 1970, 1995)).isNotEqualTo(a);
		assertThat(a).extracting(DemoPeople.Generated::name).doesNotHaveDuplicates();
		assertThat(a).allSatisfy(p -> {
			assertThat(validIdNumber(p.idNumber())).as(p.idNumber()).isTrue();
			assertThat(p.idNumber()).startsWith("130132");
			assertThat(p.idNumber().substring(6, 14)).isEqualTo("%tY%<tm%<td".formatted(p.birthDate()));
			assertThat((p.idNumber().charAt(16) - '0') % 2 == 1).isEqualTo(p.male());
		});
	}

	@Test
	void aKnownNumberHasItsKnownCheckCharacter() {
		// the example of GB 11643-1999: 11010519491231002X
		assertThat(DemoPeople.idNumber("110105", LocalDate.of(1949, 12, 31), 2)).isEqualTo("11010519491231002X");
	}
}
