package zeren.platform.xlsx;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code zeren.uploads.limits.<kind>.max-rows|max-cell-chars|max-text-chars}: see {@link SheetLimits}. */
@ConfigurationProperties("zeren.uploads")
public record UploadLimits(Map<String, SheetLimits> limits) {

	public UploadLimits {
		limits = limits == null ? Map.of() : Map.copyOf(limits);
		SheetLimits.install(limits);
	}
}
