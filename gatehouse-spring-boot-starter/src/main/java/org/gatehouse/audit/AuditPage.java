package org.gatehouse.audit;

import java.util.List;

import org.springframework.ui.Model;

/** One page of entries fetched as size + 1, so the extra row tells whether an older page exists. */
final class AuditPage {

	private AuditPage() {
	}

	static void addTo(Model model, List<AuditEntry> fetched, int size, SecurityLogRows rows) {
		boolean more = fetched.size() > size;
		List<AuditEntry> shown = more ? fetched.subList(0, size) : fetched;
		model.addAttribute("entries", rows.of(shown));
		model.addAttribute("nextBefore", more ? shown.get(size - 1).id() : null);
	}
}
