package com.careerai.ai;

import com.careerai.credits.PricedFeatures;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * Tells credits what the AI tools are called, in the order students see them; their prices are
 * {@code careerai.credits.costs.<slug>} in configuration.
 */
@Singleton
class PricedTools implements PricedFeatures {
    private final ToolCatalog catalog;
    private final ToolSettings settings;

    PricedTools(ToolCatalog catalog, ToolSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public Set<String> switchedOff(long universityId) {
        return settings.disabled(universityId);
    }

    @Override
    public List<PricedFeature> pricedFeatures() {
        return catalog.all().stream()
                .map(tool -> new PricedFeature(tool.slug(), tool.name()))
                .toList();
    }
}
