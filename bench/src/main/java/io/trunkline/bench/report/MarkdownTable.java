package io.trunkline.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table, and how a row goes into a table of a page.
 */
final class MarkdownTable {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	MarkdownTable(String... header) {
		this.header = List.of(header);
	}

	MarkdownTable row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add(String.valueOf(cell).replace("|", "\\|"));
		}
		this.rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return this.rows.isEmpty();
	}

	@Override
	public String toString() {
		StringBuilder table = new StringBuilder();
		table.append("| ").append(String.join(" | ", this.header)).append(" |\n");
		table.append("|").append("---|".repeat(this.header.size())).append("\n");
		for (List<String> row : this.rows) {
			table.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		return table.toString();
	}

	/**
	 * Puts a row into the first table under a heading of the page: in place of the row
	 * that starts with {@code replaces} when there is one, else just above the row that
	 * starts with {@code above}, else at the table's end. Without the table, says so and
	 * leaves the page as it is.
	 */
	static String withRow(String page, String heading, String above, String replaces, String row) {
		int section = page.indexOf("\n" + heading + "\n");
		int table = (section < 0) ? -1 : page.indexOf("\n|", section);
		if (table < 0) {
			System.err.println("No table under '" + heading + "'; its row, to add by hand: " + row);
			return page;
		}
		List<String> lines = new ArrayList<>(List.of(page.substring(table + 1).split("\n", -1)));
		int end = 0;
		while (end < lines.size() && lines.get(end).startsWith("|")) {
			end++;
		}
		int at = end;
		for (int i = end - 1; i >= 2; i--) {
			if (replaces != null && lines.get(i).startsWith(replaces)) {
				lines.remove(i);
				at = i;
				break;
			}
			if (above != null && lines.get(i).startsWith(above)) {
				at = i;
			}
		}
		lines.add(at, row);
		return page.substring(0, table + 1) + String.join("\n", lines);
	}

}
