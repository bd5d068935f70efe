package io.trunkline.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table.
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

}
