package io.ticketing.train.application.port.out;

import java.util.Collection;
import java.util.List;

import io.ticketing.train.domain.model.Station;
import io.ticketing.train.domain.model.StationId;

public interface StationRepository {

    /** False when the code is already used by another station. */
    boolean add(Station station);

    /** The known ones among {@code ids}, in any order. */
    List<Station> findAll(Collection<StationId> ids);
}
