/**
 * Uploaded files: their type read from the bytes ({@link org.wushe.shared.upload.FileType}), Office macros refused,
 * and photos cleaned of their metadata ({@link org.wushe.shared.upload.CleanImage}).
 */
package org.wushe.shared.upload;
