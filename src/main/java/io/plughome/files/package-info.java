/**
 * Files exchanged with chargers, kept in the data directory: diagnostics files chargers upload
 * to PlugHome (GetDiagnostics names an upload link of PlugHome's), and firmware files the owner
 * uploads for chargers to download (UpdateFirmware names their link).
 */
package io.plughome.files;
