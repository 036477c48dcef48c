@NullMarked
package io.ticketing.train.application.service;

import org.jspecify.annotations.NullMarked;
