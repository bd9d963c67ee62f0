"""What the catalog offers (instance types, images, algorithms, model presets and their parameters), the gateway
probe, and the Object Storage token."""

from __future__ import annotations

from datetime import UTC, datetime

from easymaker.local.resources.base import ApiError, Payload, Request, ServiceBase


class LookupHandlers(ServiceBase):
    def probe_gateway(self, req: Request) -> Payload:
        return None

    def list_algorithms(self, req: Request) -> Payload:
        return "algorithmList", self.catalog.list_algorithms()

    def list_model_presets(self, req: Request) -> Payload:
        q = req.query
        return "modelPresetList", self.catalog.list_model_presets(q.get("exposureScopeCode"), q.get("modelPresetName"))

    def list_model_parameter_specs(self, req: Request) -> Payload:
        q = req.query
        return "modelParameterSpecList", self.catalog.list_parameter_specs(
            q.get("modelPresetId"), q.get("parameterTypeCode")
        )

    def get_iaas_token(self, req: Request) -> Payload:
        if self._iaas_token is None:
            raise ApiError(501, "the object store is not mounted in this server, so it issues no tokens")
        token, expires = self._iaas_token()
        exp = datetime.fromtimestamp(expires, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.000+00:00")
        return "access", {"token": {"id": token, "expires": exp}}

    def list_flavors(self, req: Request) -> Payload:
        q = req.query
        return "flavorList", self.catalog.list_flavors(q.get("groupType"), q.get("modelPresetId"))

    def list_images(self, req: Request) -> Payload:
        return "imageList", self.catalog.list_images(req.query.get("groupTypeCodeList"))
