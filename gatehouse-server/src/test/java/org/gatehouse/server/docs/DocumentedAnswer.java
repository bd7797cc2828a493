package org.gatehouse.server.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer a document shows after a command: {@code => STATUS}, then optionally a sample JSON
 * answer (anything else after the status, such as "the same user", is prose). An answer matches when
 * its status is that one and, with a sample, its field names are the sample's, at every level: the
 * fields of each object, of every element of a list compared with the sample's first element (an
 * empty sample list says nothing about its elements). Values are examples and are not compared.
 */
final class DocumentedAnswer {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Pattern FORM = Pattern.compile("=>\\s*(\\d{3})\\b[,\\s]*(.*)", Pattern.DOTALL);

	private final int status;
	private final JsonNode sample;

	private DocumentedAnswer(int status, JsonNode sample) {
		this.status = status;
		this.sample = sample;
	}

	/** The documented answer, or an {@link IllegalArgumentException} naming what is wrong with it. */
	static DocumentedAnswer parse(String text) {
		Matcher form = FORM.matcher(text);
		if (!form.matches()) {
			throw new IllegalArgumentException("`# " + text + "` is not `# => STATUS [sample]`");
		}
		String rest = form.group(2).strip();
		JsonNode sample = null;
		if (rest.startsWith("{") || rest.startsWith("[")) {
			try {
				sample = JSON.readTree(rest);
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("the sample answer is not JSON: " + ex.getOriginalMessage());
			}
		}
		return new DocumentedAnswer(Integer.parseInt(form.group(1)), sample);
	}

	/** What differs between this and the real answer, empty when nothing does. */
	List<String> differences(int actualStatus, String body) {
		List<String> differences = new ArrayList<>();
		if (actualStatus != status) {
			differences.add("answered " + actualStatus + ", the document shows " + status);
		}
		if (sample != null) {
			JsonNode answer = parseOrNull(body);
			if (answer == null) {
				differences.add("answered `" + body + "`, not the JSON the document shows");
			}
			else {
				compare("$", sample, answer, differences);
			}
		}
		return differences;
	}

	static JsonNode parseOrNull(String body) {
		try {
			JsonNode node = JSON.readTree(body);
			return node.isContainer() ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void compare(String path, JsonNode sample, JsonNode answer, List<String> differences) {
		if (sample.isObject() && answer.isObject()) {
			TreeSet<String> shown = new TreeSet<>(sample.propertyNames());
			TreeSet<String> answered = new TreeSet<>(answer.propertyNames());
			if (!shown.equals(answered)) {
				differences.add("the fields of " + path + " are " + answered + ", the document shows " + shown);
			}
			for (String name : shown) {
				if (answer.has(name)) {
					compare(path + "." + name, sample.get(name), answer.get(name), differences);
				}
			}
		}
		else if (sample.isArray() && answer.isArray()) {
			if (!sample.isEmpty()) {
				for (int i = 0; i < answer.size(); i++) {
					compare(path + "[" + i + "]", sample.get(0), answer.get(i), differences);
				}
			}
		}
		else if (sample.isContainer() && !answer.isNull()) {
			differences.add(path + " is `" + answer + "`, the document shows " + (sample.isObject() ? "an object" : "a list"));
		}
	}
}
