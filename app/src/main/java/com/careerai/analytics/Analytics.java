package com.careerai.analytics;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Staff analytics composed from every feature's {@link FigureSource}: the figures of a period
 * beside those of the period just before it. Groups of fewer than {@link Figure#SMALLEST_GROUP}
 * students are suppressed before anything leaves this class (page, JSON and CSV alike).
 */
@Singleton
class Analytics {
    static final String SUPPRESSION = "Groups of fewer than " + Figure.SMALLEST_GROUP
            + " students are suppressed (shown as \"<" + Figure.SMALLEST_GROUP + "\", no numbers) to protect privacy.";

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Compared(Figure figure, @io.micronaut.core.annotation.Nullable Figure previous) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(
            LocalDate from,
            LocalDate to,
            LocalDate previousFrom,
            LocalDate previousTo,
            String bucket,
            String suppression,
            List<Compared> figures) {}

    private final List<FigureSource> sources;
    private final PageReads pageReads;

    Analytics(List<FigureSource> sources, PageReads pageReads) {
        this.sources = sources.stream()
                .sorted(Comparator.comparingInt(FigureSource::order))
                .toList();
        this.pageReads = pageReads;
    }

    /**
     * Every read {@link #report} of the period makes: every source's, of the period and the one before. A
     * page sends them with its header's in one round trip (ADR 0076).
     */
    List<PageRead<?>> reads(long universityId, Period period) {
        List<PageRead<?>> reads = new ArrayList<>();
        for (FigureSource source : sources) {
            reads.addAll(source.reads(universityId, period));
            reads.addAll(source.reads(universityId, period.previous()));
        }
        return reads;
    }

    /**
     * Every source's figures of the period and the one before. In a GET their reads go in one round trip
     * (nothing more when the page sent them ahead); elsewhere each is read as its source asks, on the
     * caller's connection or one of its own.
     */
    Report report(long universityId, Period period) {
        pageReads.prefetch(reads(universityId, period));
        return compared(universityId, period);
    }

    private Report compared(long universityId, Period period) {
        Period previous = period.previous();
        List<Compared> figures = new ArrayList<>();
        for (FigureSource source : sources) {
            Map<String, Figure> before = source.figures(universityId, previous).stream()
                    .collect(Collectors.toMap(Figure::name, Function.identity()));
            for (Figure figure : source.figures(universityId, period)) {
                Figure earlier = before.get(figure.name());
                figures.add(new Compared(
                        figure.withSmallGroupsSuppressed(),
                        earlier == null ? null : earlier.withSmallGroupsSuppressed()));
            }
        }
        return new Report(
                period.from(), period.to(), previous.from(), previous.to(), period.bucket(), SUPPRESSION, figures);
    }

    /** One figure of the period, small groups suppressed; empty when no source has it. */
    Optional<Figure> figure(long universityId, Period period, String name) {
        List<PageRead<?>> reads = new ArrayList<>();
        sources.forEach(source -> reads.addAll(source.reads(universityId, period)));
        pageReads.prefetch(reads); // the period's only: no comparison
        return find(universityId, period, name);
    }

    private Optional<Figure> find(long universityId, Period period, String name) {
        for (FigureSource source : sources) {
            for (Figure figure : source.figures(universityId, period)) {
                if (figure.name().equals(name)) {
                    return Optional.of(figure.withSmallGroupsSuppressed());
                }
            }
        }
        return Optional.empty();
    }

    /** The figure as CSV: the label column, then one column per value; suppressed cells read "<5". */
    static String csv(Figure figure) {
        List<Object> heading = new ArrayList<>();
        heading.add(figure.labelHeading());
        heading.addAll(figure.columns());
        StringBuilder csv = new StringBuilder(Csv.row(heading));
        for (Figure.Row row : figure.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.label());
            for (Number value : row.values()) {
                cells.add(cell(row, value));
            }
            csv.append(Csv.row(cells));
        }
        return csv.toString();
    }

    /** How a value reads in a table cell and in the CSV. */
    static String cell(Figure.Row row, Number value) {
        if (row.suppressed()) {
            return "<" + Figure.SMALLEST_GROUP;
        }
        return value == null
                ? ""
                : value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
