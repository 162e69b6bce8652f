/**
 * Files exchanged with chargers, kept in the data directory: diagnostics files chargers upload
 * to PlugHome (GetDiagnostics names an upload link of PlugHome's), and firmware files the owner
 * uploads for chargers to download (UpdateFirmware names their link). Uploads are streamed with
 * their size limit and the quota counted as they come; upload links take one file.
 */
package io.plughome.files;
