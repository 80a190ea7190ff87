package zeren.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zeren.assessment.Round;
import zeren.assessment.RoundEntries;
import zeren.assessment.RoundSheets;
import zeren.assessment.Rounds;
import zeren.assessment.Scheme;
import zeren.assessment.Schemes;
import zeren.assessment.Scoring;
import zeren.platform.xlsx.TableExport;

/**
 * 评责 in the demo: the county office starts the year's assessment of the townships with the
 * default scheme (the automatic lines read the year's records seeded before), imports the
 * satisfaction poll, and the team scores two townships: a deduction with its reason and a bonus.
 * The round stays open, to be looked at, scored further and concluded.
 */
@Component
class DemoAssessment {

	private final Rounds rounds;
	private final RoundEntries entries;
	private final RoundSheets sheets;
	private final Schemes schemes;
	private final DemoUsers users;

	DemoAssessment(Rounds rounds, RoundEntries entries, RoundSheets sheets, Schemes schemes, DemoUsers users) {
		this.rounds = rounds;
		this.entries = entries;
		this.sheets = sheets;
		this.schemes = schemes;
		this.users = users;
	}

	Round seed(DemoCounty.County c, DemoCalendar calendar) {
		return users.as(DemoUsers.OFFICE, () -> {
			Round round = rounds.create(new Rounds.NewRound(c.county().id(), calendar.year(), null, null, null));
			Scheme scheme = schemes.ofRound(round);
			long poll = indicator(scheme, Scheme.Rule.SOURCE, null);
			List<List<Object>> rows = new ArrayList<>();
			int n = 0;
			for (Round.Unit u : round.units()) {
				// 120 respondents; the satisfied share varies from township to township, 8 do not know
				int satisfied = 70 + (n * 7) % 30;
				int basic = 100 - satisfied;
				rows.add(List.of(u.orgName(), 120, satisfied, basic, 12, 8));
				n++;
			}
			entries.importPoll(round.id(), poll, c.county().name() + "群众满意度测评.xlsx", sheet(rows));
			List<Round.Unit> units = round.units();
			entries.addLine(round.id(), units.get(0).orgId(), new RoundEntries.NewLine(Scoring.Column.TEAM,
					indicator(scheme, Scheme.Rule.MANUAL, "4.3"), new BigDecimal(-2),
					"惠民资金发放监管不严，检查发现 2 户冒领未及时追回"), sheets);
			entries.addLine(round.id(), units.get(units.size() - 1).orgId(), new RoundEntries.NewLine(Scoring.Column.TEAM,
					indicator(scheme, Scheme.Rule.BONUS, null), new BigDecimal(2), "“村务公开日”做法被市纪委推广"), sheets);
			return rounds.get(round.id());
		});
	}

	private static long indicator(Scheme scheme, Scheme.Rule rule, String code) {
		return scheme.indicators().stream().filter(i -> i.rule() == rule && (code == null || i.code().equals(code))).findFirst()
				.orElseThrow().id();
	}

	/** The poll as the county's survey office hands it in: 单位名称, 参评人数, 满意, 基本满意, 不满意, 不了解. */
	private static byte[] sheet(List<List<Object>> rows) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			TableExport.write(out, book -> {
				TableExport.Sheet s = book.sheet("测评结果", List.of("单位名称", "参评人数", "满意", "基本满意", "不满意", "不了解"));
				rows.forEach(s::row);
			});
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
