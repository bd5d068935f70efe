package io.trunkline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTableTests {

	static final String PAGE = """
			# Benchmarks

			## Latest figures against the targets

			| target | measured | met |
			|---|---|---|
			| p50 ≤ 10 ms | 4 ms | yes |
			| cold p50 ≤ 10 ms | 12 ms | **no** |

			## Progress

			| run (UTC) | commit |
			|---|---|
			| 11-27 08:08 | e64d34d |
			| target | |

			More text.
			""";

	@Test
	void addsARowAboveTheRowItIsToPrecedeInTheTableUnderItsHeading() {
		String page = MarkdownTable.withRow(PAGE, "## Progress", "| target |", null, "| 12-04 01:30 | 2673158 |");

		assertThat(page).contains("""
				| 11-27 08:08 | e64d34d |
				| 12-04 01:30 | 2673158 |
				| target | |

				More text.
				""");
		assertThat(page).startsWith(PAGE.substring(0, PAGE.indexOf("## Progress")));
	}

	@Test
	void replacesTheRowThatStartsTheSame() {
		String page = MarkdownTable.withRow(PAGE, "## Latest figures against the targets", null, "| cold p50 ≤ 10 ms |",
				"| cold p50 ≤ 10 ms | 8 ms | yes |");

		assertThat(page).contains("""
				| p50 ≤ 10 ms | 4 ms | yes |
				| cold p50 ≤ 10 ms | 8 ms | yes |

				## Progress""").doesNotContain("12 ms");
	}

	@Test
	void addsANewRowAtTheTablesEnd() {
		String page = MarkdownTable.withRow(PAGE, "## Latest figures against the targets", null, "| warm p99 |",
				"| warm p99 | 20 ms | yes |");

		assertThat(page).contains("""
				| cold p50 ≤ 10 ms | 12 ms | **no** |
				| warm p99 | 20 ms | yes |

				## Progress""");
	}

	@Test
	void leavesAPageWithoutTheTableAsItIs() {
		assertThat(MarkdownTable.withRow("# Benchmarks\n", "## Progress", "| target |", null, "| row |"))
			.isEqualTo("# Benchmarks\n");
	}

}
