/* Carte du réseau : Leaflet + regroupement des marqueurs. Chargé par URL (le bundle Vaadin n'est pas modifié). */
window.communsCarte = (function () {
  function escapeHtml(text) {
    const div = document.createElement('div');
    div.textContent = text == null ? '' : String(text);
    return div.innerHTML;
  }
  return {
    init: function (el, tileUrl, attribution, pointsJson) {
      if (el._map) {
        el._map.remove();
      }
      const points = JSON.parse(pointsJson);
      const map = L.map(el, { keyboard: true, scrollWheelZoom: false }).setView([44.0, 4.2], 9);
      el._map = map;
      let tileErrors = 0;
      const tiles = L.tileLayer(tileUrl, { attribution: attribution, maxZoom: 18 });
      tiles.on('tileerror', function () {
        tileErrors++;
        if (tileErrors === 1) {
          el.dispatchEvent(new CustomEvent('tiles-unavailable'));
        }
      });
      tiles.addTo(map);
      const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
      el._markers = {};
      points.forEach(function (p) {
        const marker = L.marker([p.latitude, p.longitude], { title: p.nom, alt: p.nom, keyboard: true });
        marker.bindPopup('<strong><a href="structures/' + p.id + '">' + escapeHtml(p.nom) + '</a></strong><br>'
          + escapeHtml(p.commune) + '<br>' + (p.ess ? 'ESS' : 'Hors ESS')
          + (p.verifiee ? ' · vérifiée' : ' · déclarée'));
        cluster.addLayer(marker);
        el._markers[p.id] = marker;
      });
      map.addLayer(cluster);
      el._cluster = cluster;
      el.dataset.markers = String(points.length);
      const fit = function () {
        map.invalidateSize();
        if (points.length > 0) {
          map.fitBounds(cluster.getBounds(), { maxZoom: 12, padding: [30, 30] });
        }
      };
      fit();
      // The element may get its final size only after Vaadin's layout: fit again once it has it.
      setTimeout(fit, 300);
    },
    focus: function (el, id) {
      const marker = el._markers && el._markers[id];
      if (marker) {
        el._cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
        el.scrollIntoView({ block: 'nearest' });
      }
    }
  };
})();
