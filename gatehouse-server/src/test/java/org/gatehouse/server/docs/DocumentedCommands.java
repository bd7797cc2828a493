package org.gatehouse.server.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell commands a reader is shown in README.md and docs/*.md. Candidates are the lines of
 * fenced code blocks (``` or ```sh) and inline code spans that start with {@code java},
 * {@code curl}, {@code mvn} or {@code echo … | java}; a trailing {@code # comment} is dropped and
 * {@code a && b} is two commands. An inline span followed by {@code → `output`} documents that
 * command's output.
 */
final class DocumentedCommands {

	/** One command, where it is written and what the document says it prints (null: nothing said). */
	record Command(String document, int line, String text, String expectedOutput) {

		String where() {
			return document + ":" + line + ": `" + text + "`";
		}
	}

	private static final Pattern INLINE = Pattern.compile("`([^`]+)`(?:\\s*→\\s*`([^`]+)`)?");
	private static final Pattern CANDIDATE = Pattern
		.compile("^(java|curl|mvn)\\s.*|^([A-Z_]+=\\S*\\s+)*bin/gatehouse(\\s.*)?|^echo\\s.*\\|\\s*(java|bin/gatehouse)\\s.*");

	private static final Set<String> SHELL_FENCES = Set.of("", "sh", "bash", "shell");

	private DocumentedCommands() {
	}

	static List<Command> in(Path repository) {
		List<Command> commands = new ArrayList<>();
		for (Path document : documents(repository)) {
			String name = repository.relativize(document).toString();
			List<String> lines = read(document);
			boolean inFence = false;
			boolean shellFence = false;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.startsWith("```")) {
					inFence = !inFence;
					shellFence = inFence && SHELL_FENCES.contains(line.substring(3).strip());
					continue;
				}
				if (shellFence) {
					int first = i;
					while (line.endsWith("\\") && i + 1 < lines.size()) {
						line = line.substring(0, line.length() - 1).strip() + " " + lines.get(++i).strip();
					}
					addCandidates(commands, name, first + 1, withoutComment(line), null);
				}
				else if (!inFence) {
					int first = i;
					// a code span may wrap onto the next line of the paragraph
					while (line.chars().filter(c -> c == '`').count() % 2 == 1 && i + 1 < lines.size()
							&& !lines.get(i + 1).strip().startsWith("```")) {
						line = line + " " + lines.get(++i).strip();
					}
					Matcher span = INLINE.matcher(line);
					while (span.find()) {
						addCandidates(commands, name, first + 1, span.group(1).strip(), span.group(2));
					}
				}
			}
		}
		return commands;
	}

	private static void addCandidates(List<Command> commands, String document, int line, String text, String output) {
		for (String part : text.split("\\s+&&\\s+")) {
			if (CANDIDATE.matcher(part.strip()).matches()) {
				commands.add(new Command(document, line, part.strip(), output));
			}
		}
	}

	private static String withoutComment(String line) {
		int hash = line.indexOf(" #");
		return hash < 0 ? line : line.substring(0, hash).strip();
	}

	private static List<Path> documents(Path repository) {
		List<Path> documents = new ArrayList<>();
		documents.add(repository.resolve("README.md"));
		try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	private static List<String> read(Path document) {
		try {
			return Files.readAllLines(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
