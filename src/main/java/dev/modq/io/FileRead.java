package dev.modq.io;

/** One file as read into the sink: its name, format and counts (filled in further when the run is applied). */
public record FileRead(String file, ImportFormat format, ImportCounts counts) {

    public FileReport report() {
        return counts.report(file, format);
    }
}
