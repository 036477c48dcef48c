package io.ticketing.train.application.port.in;

import io.ticketing.platform.web.PageResponse;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TrainId;
import org.jspecify.annotations.Nullable;

/** Reads of cities, stations and trains. */
public interface GetCatalogQuery {

    /** Cities whose name starts with {@code prefix} (any when null), by name. */
    PageResponse<CityView> cities(@Nullable String prefix, PageResponse.PageRequest page);

    /** 404 if unknown. */
    CityView city(CityId id);

    /** 404 if unknown. */
    StationView station(StationId id);

    /** Stations of a city (every station when null), by name. */
    PageResponse<StationView> stations(@Nullable CityId cityId, PageResponse.PageRequest page);

    /** 404 if unknown. */
    TrainView train(TrainId id);
}
