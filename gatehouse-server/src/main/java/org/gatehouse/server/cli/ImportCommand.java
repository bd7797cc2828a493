package org.gatehouse.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.gatehouse.admin.ExportRow;
import org.gatehouse.admin.ImportReport;
import org.gatehouse.admin.UserExportReader;
import org.gatehouse.admin.UserImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
		"Import users exported from Invenio-Accounts / Flask-Security (.csv with a header row, or .json).",
		"Fields: email, username, password (the hash, kept as is), active, confirmed_at, roles.",
		"One transaction; invalid rows are rejected and listed, existing emails skipped." })
public class ImportCommand implements Callable<Integer> {

	private final Beans beans;

	@Parameters(index = "0", description = "The export file (.csv or .json)")
	Path file;

	@Option(names = "--dry-run", description = "Check and report, change nothing")
	boolean dryRun;

	PrintStream out = System.out;
	PrintStream err = System.err;

	ImportCommand(Beans beans) {
		this.beans = beans;
	}

	/** 0 when every row was imported or skipped, 1 when some were rejected, 2 when the file is unreadable. */
	@Override
	public Integer call() {
		List<ExportRow> rows;
		try {
			if (!Files.isRegularFile(file)) {
				err.println(CliMessages.get("cli.import.no-file", file.toString()));
				return 2;
			}
			rows = UserExportReader.read(file);
		}
		catch (IOException | RuntimeException ex) {
			err.println(CliMessages.get("cli.import.unreadable", file.toString(), ex.getMessage()));
			return 2;
		}
		ImportReport report = beans.get(UserImport.class).run(rows, dryRun);
		report.skipped().forEach(r -> out.println(CliMessages.get("cli.import.skipped", String.valueOf(r.line()), r.email(),
				r.reason())));
		report.rejected().forEach(r -> err.println(CliMessages.get("cli.import.rejected", String.valueOf(r.line()),
				r.reason())));
		out.println(CliMessages.get(dryRun ? "cli.import.dry-run" : "cli.import.done", report.imported().size(),
				report.skipped().size(), report.rejected().size()));
		return report.rejected().isEmpty() ? 0 : 1;
	}
}
