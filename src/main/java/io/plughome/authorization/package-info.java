/**
 * Who may charge: the owner's idTags (RFID cards, app tokens), the answer a charger gets for an
 * idTag ({@code PLUGHOME_AUTHORIZATION}: accept-all or list), and the local authorization list
 * kept on chargers so that known cards work while the server is unreachable.
 */
package io.plughome.authorization;
