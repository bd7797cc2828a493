package org.gatehouse.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads users exported from Invenio-Accounts / Flask-Security: a CSV file with a header row
 * (RFC 4180 quoting) or a JSON array of objects (also {"users": [...]}). Field names are
 * email, username, password, active, confirmed_at and roles.
 */
public final class UserExportReader {

	private UserExportReader() {
	}

	public static List<ExportRow> read(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return name.endsWith(".json") ? readJson(reader) : readCsv(reader);
		}
	}

	public static List<ExportRow> readJson(Reader reader) {
		ObjectMapper mapper = new ObjectMapper();
		List<ExportRow> rows = new ArrayList<>();
		try (JsonParser parser = mapper.createParser(reader)) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.START_OBJECT) {
				// {"users": [...]}
				while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME && !"users".equals(parser.currentName())) {
					parser.nextToken();
					parser.skipChildren();
				}
				token = parser.nextToken();
			}
			if (token != JsonToken.START_ARRAY) {
				throw new IllegalArgumentException("Expected a JSON array of users");
			}
			while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
				int line = parser.currentTokenLocation().getLineNr();
				JsonNode node = parser.readValueAsTree();
				Map<String, String> fields = new LinkedHashMap<>();
				node.properties().forEach(e -> fields.put(e.getKey().toLowerCase(Locale.ROOT), text(e.getValue())));
				rows.add(new ExportRow(line, fields));
			}
			if (token != JsonToken.END_ARRAY) {
				throw new IllegalArgumentException("Expected only objects in the JSON array of users");
			}
		}
		return rows;
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			return StreamSupport.stream(value.spliterator(), false)
				.map(v -> v.isObject() && v.has("name") ? v.get("name").asString() : v.asString())
				.collect(Collectors.joining(","));
		}
		return value.asString();
	}

	public static List<ExportRow> readCsv(Reader reader) throws IOException {
		CsvRecords records = new CsvRecords(reader);
		List<String> header = records.next();
		if (header == null) {
			return List.of();
		}
		List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		List<ExportRow> rows = new ArrayList<>();
		List<String> values;
		int line;
		while ((line = records.nextLine()) > 0 && (values = records.next()) != null) {
			if (values.size() == 1 && values.get(0).isBlank()) {
				continue;
			}
			Map<String, String> fields = new LinkedHashMap<>();
			for (int i = 0; i < names.size() && i < values.size(); i++) {
				fields.put(names.get(i), values.get(i));
			}
			if (values.size() != names.size()) {
				fields.put(UserImport.MALFORMED, values.size() + " fields, header has " + names.size());
			}
			rows.add(new ExportRow(line, fields));
		}
		return rows;
	}

	/** RFC 4180 records; quoted fields may contain commas, doubled quotes and line breaks. */
	private static final class CsvRecords {

		private final Reader reader;
		private int line = 1;
		private int peeked = -2;

		CsvRecords(Reader reader) {
			this.reader = reader;
		}

		/** The line the next record starts on, or 0 at the end. */
		int nextLine() throws IOException {
			return peek() < 0 ? 0 : line;
		}

		List<String> next() throws IOException {
			if (peek() < 0) {
				return null;
			}
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean inQuotes = false;
			while (true) {
				int c = read();
				if (c < 0) {
					fields.add(field.toString());
					return fields;
				}
				if (inQuotes) {
					if (c == '"') {
						if (peek() == '"') {
							field.append((char) read());
						}
						else {
							inQuotes = false;
						}
					}
					else {
						field.append((char) c);
					}
				}
				else if (c == '"' && field.isEmpty() && !quoted) {
					inQuotes = true;
					quoted = true;
				}
				else if (c == ',') {
					fields.add(field.toString());
					field.setLength(0);
					quoted = false;
				}
				else if (c == '\r') {
					continue;
				}
				else if (c == '\n') {
					fields.add(field.toString());
					return fields;
				}
				else {
					field.append((char) c);
				}
			}
		}

		private int peek() throws IOException {
			if (peeked == -2) {
				peeked = reader.read();
			}
			return peeked;
		}

		private int read() throws IOException {
			int c = peek();
			peeked = -2;
			if (c == '\n') {
				line++;
			}
			return c;
		}
	}
}
