package org.wushe.care.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.care.PersonService;
import org.wushe.care.Visit;
import org.wushe.care.VisitDetails;
import org.wushe.care.VisitInput;
import org.wushe.care.Visits;
import org.wushe.shared.BusinessException;
import org.wushe.shared.upload.Downloads;
import org.wushe.shared.upload.UploadedFile;

/**
 * Visits with photos: recording one as a multipart form ({@code POST /api/persons/{id}/visits} with the visit's
 * fields and {@code photos}), and a photo's download, only through a visited person in the caller's scope (404
 * otherwise, as if it did not exist).
 */
@RestController
@RequiredArgsConstructor
class VisitPhotoController {

	private final Visits visits;

	private final VisitDetails details;

	private final PersonService persons;

	@PostMapping(path = "/api/persons/{id}/visits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(tags = "care", summary = "Record a visit with photos", description = """
			The fields of the JSON form as form fields (visitorIds and volunteerIds repeated), plus visitPhotos: JPEG, PNG \
			or WebP recognised by their bytes, stored without their metadata (EXIF, GPS). One bad file refuses the \
			visit with 400 naming visitPhotos and the file; nothing is stored.""")
	Visit record(@PathVariable long id, @ModelAttribute VisitInput input,
			@RequestPart(name = "visitPhotos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal CurrentUser user) {
		return visits.record(id, input, UploadedFile.all(photos == null ? List.of() : photos), user);
	}

	@GetMapping("/care/visits/{visitId}/photos/{photoId}")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(tags = "care", summary = "A visit photo (thumb=true: the small copy); 404 outside the scope")
	ResponseEntity<byte[]> photo(@PathVariable long visitId, @PathVariable long photoId,
			@RequestParam(defaultValue = "false") boolean thumb, @AuthenticationPrincipal CurrentUser user) {
		long person = details.personOf(visitId).orElseThrow(() -> unknown(photoId));
		if (!persons.inScope(user.scope(), person)) {
			throw unknown(photoId);
		}
		VisitDetails.File file = details.file(visitId, photoId, thumb).orElseThrow(() -> unknown(photoId));
		return Downloads.inline(file.fileName(), file.contentType(),
				file.bytes());
	}

	private static BusinessException unknown(long photoId) {
		return BusinessException.notFound("care.visit.photo-unknown", photoId);
	}

}
